using System.Diagnostics;
using Lambench.Tests.Shared;

namespace Lambench.Runner.Tests;

/// <summary>
/// infra/template.yaml as AWS's own tools read it: cfn-lint 1.51 runs AWS's SAM translator (what `sam deploy` and
/// CloudFormation do with the Transform) and then CloudFormation's schemas. Any error fails; the repository's template
/// must also be free of warnings and informational findings (each one was fixed or explained in the template).
/// </summary>
[Trait("Tier", "system")]
public sealed class TemplateLintTests
{
    /// <summary>Runs cfn-lint (first on PATH: the machine's Python 3.11 has it with the SAM translator) over a template.</summary>
    internal static async Task<(int Exit, string Output)> CfnLintAsync(string template, params string[] options)
    {
        var start = new ProcessStartInfo("cfn-lint") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var option in options)
        {
            start.ArgumentList.Add(option);
        }

        start.ArgumentList.Add("--");
        start.ArgumentList.Add(template);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cfn-lint did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task The_repository_template_transforms_and_lints_without_any_finding()
    {
        // cfn-lint's exit status is a bit set: 2 errors, 4 warnings, 8 informational. Informational checks are opt-in.
        var (exit, output) = await CfnLintAsync(Path.Combine(RepositoryPaths.Root(), "infra", "template.yaml"), "--include-checks", "I");
        Assert.True(exit == 0, output);
    }

    [Fact]
    public async Task A_template_that_sam_cannot_transform_is_an_error()
    {
        // The check above must be able to fail: Role in Globals is what the template once had, and SAM refuses it.
        var broken = Path.Combine(Path.GetTempPath(), $"lambench-lint-{Guid.NewGuid():N}.yaml");
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "infra", "template.yaml"))
            .Replace("    Timeout: !Ref Timeout\n", "    Timeout: !Ref Timeout\n    Role: !GetAtt FunctionRole.Arn\n", StringComparison.Ordinal);
        File.WriteAllText(broken, text);
        try
        {
            var (exit, output) = await CfnLintAsync(broken);
            Assert.True((exit & 2) != 0, output);
            Assert.Contains("E0001", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }
}
