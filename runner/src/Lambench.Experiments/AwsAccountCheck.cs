using Lambench.LocalPlatform.Template;
using Lambench.Runner.Aws;
using Lambench.Runner.Doctor;
using Lambench.Runner.Execution;

namespace Lambench.Experiments;

/// <summary>
/// The doctor's checks as `doctor`, `deploy` and a run on AWS need them, without printing: the region as AWS tools
/// choose it, the deployment this checkout's template expects, and the checks themselves. Calls get a short timeout
/// (AwsAccountClients.CheckPolicy), so a silent endpoint costs seconds, not minutes.
/// </summary>
public static class AwsAccountCheck
{
    /// <summary>The region as AWS tools choose it, with where it came from: --region, then AWS_REGION, AWS_DEFAULT_REGION, then the profile.</summary>
    public static (string? Region, string Source) ResolveRegion(string? option)
    {
        if (option is not null)
        {
            return (option, "--region");
        }

        foreach (var variable in new[] { "AWS_REGION", "AWS_DEFAULT_REGION" })
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value)
            {
                return (value, variable);
            }
        }

        return (RunTargets.DefaultRegion(), "profile");
    }

    /// <summary>The functions of <paramref name="templatePath"/> (optionally only <paramref name="names"/>) as the stack must hold them.</summary>
    /// <exception cref="TemplateException">a template that cannot be read.</exception>
    public static ExpectedDeployment Expected(string templatePath, string stack, IReadOnlySet<string>? names = null)
    {
        var template = new TemplateReader(stack).Read(templatePath);
        var functions = template.Functions
            .Where(f => names is null || names.Contains(f.FunctionName))
            .Select(f => new ExpectedFunction(f.FunctionName, f.Architecture, f.Runtime))
            .ToList();
        return new ExpectedDeployment(stack, TemplateHash.Of(templatePath), functions);
    }

    /// <summary>Runs the checks in order; <paramref name="expected"/> null: the account only. A failed region ends them.</summary>
    public static async Task<IReadOnlyList<DoctorCheck>> RunAsync(string? region, string regionSource, ExpectedDeployment? expected, CancellationToken cancellation)
    {
        var checks = new List<DoctorCheck> { AwsDoctor.CheckRegion(region, regionSource) };
        if (checks[0].Outcome == CheckOutcome.Failed)
        {
            return checks;
        }

        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan }; // the policy bounds every call
        var doctor = new AwsDoctor(AwsAccountClients.Aws(http, region!));
        try
        {
            checks.AddRange(expected is null ? await doctor.CheckAccountAsync(cancellation) : await doctor.CheckAllAsync(expected, cancellation));
        }
        catch (AwsServiceException e) when (e.ErrorType == "BadEndpoint")
        {
            checks.Add(DoctorCheck.Failed("endpoints", e.Message));
        }

        return checks;
    }
}
