using Lambench.Core.Text;
using Lambench.Runner.Aws;

namespace Lambench.Runner.Doctor;

/// <summary>Each expected function deployed, Active, with the template's architecture and runtime; one line when all are.</summary>
internal sealed class FunctionChecks(ILambdaApi lambda)
{
    private const int Parallel = 4;
    private const string MissingSuffix = " does not exist: deploy the stack again";

    public async Task<IReadOnlyList<DoctorCheck>> CheckAsync(IReadOnlyList<ExpectedFunction> functions, CancellationToken cancellation)
    {
        var problems = new string?[functions.Count];
        await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, functions.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = cancellation },
            async (i, token) => problems[i] = await ProblemAsync(functions[i], token));
        var failed = problems.OfType<string>().ToList();
        if (failed.Count == 0)
        {
            return [DoctorCheck.Ok("functions", $"{functions.Count} Active with the template's architecture and runtime")];
        }

        // Many missing functions are one fact (a stack deployed from another template, or by a tool that skipped them).
        var missing = functions.Where((_, i) => problems[i]?.EndsWith(MissingSuffix, StringComparison.Ordinal) == true).Select(f => f.Name).ToList();
        var lines = failed.Where(p => !p.EndsWith(MissingSuffix, StringComparison.Ordinal) || missing.Count <= 3).Select(p => DoctorCheck.Failed("function", p)).ToList();
        if (missing.Count > 3)
        {
            lines.Insert(0, DoctorCheck.Failed("functions", $"{missing.Count} of {functions.Count} do not exist ({string.Join(", ", missing.Take(3))}, …): deploy the stack again"));
        }

        return lines;
    }

    private async Task<string?> ProblemAsync(ExpectedFunction expected, CancellationToken cancellation)
    {
        FunctionConfiguration actual;
        try
        {
            actual = await lambda.GetFunctionConfigurationAsync(expected.Name, cancellation);
        }
        catch (AwsServiceException e) when (e.ErrorType == "ResourceNotFoundException")
        {
            return expected.Name + MissingSuffix;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellation.IsCancellationRequested)
        {
            return $"{expected.Name}: no answer from Lambda: {Excerpt.Of(e.Message)}";
        }
        catch (AwsServiceException e)
        {
            return $"{expected.Name}: GetFunctionConfiguration failed: {Excerpt.Of(e.Message)} (the credentials need lambda:GetFunctionConfiguration)";
        }

        if (actual.State != "Active")
        {
            return $"{expected.Name} is {actual.State}: {actual.StateReason ?? "no reason given"}";
        }

        if (actual.Architecture != expected.Architecture)
        {
            return $"{expected.Name} runs on {actual.Architecture}, the template says {expected.Architecture}: deploy again";
        }

        return actual.Runtime != expected.Runtime
            ? $"{expected.Name} has runtime {actual.Runtime}, the template says {expected.Runtime}: deploy again"
            : null;
    }
}
