using Lambench.Experiments;
using Lambench.Runner.Doctor;
using Spectre.Console;

namespace Lambench.Cli.Commands.Doctor;

/// <summary>The doctor's checks as `doctor`, `run --target aws` and `deploy` print them: one line each, ok, warning or what to do.</summary>
public static class AwsChecks
{
    /// <summary>Runs the checks and prints them; true when none failed. <paramref name="expected"/> null: the account only.</summary>
    public static async Task<bool> PrintAsync(IAnsiConsole console, string? region, string regionSource, ExpectedDeployment? expected, CancellationToken cancellation)
    {
        var checks = await AwsAccountCheck.RunAsync(region, regionSource, expected, cancellation);
        Print(console, checks);
        return checks.All(c => c.Outcome != CheckOutcome.Failed);
    }

    public static void Print(IAnsiConsole console, IEnumerable<DoctorCheck> checks)
    {
        foreach (var check in checks)
        {
            var mark = check.Outcome switch { CheckOutcome.Ok => "[green]ok[/]     ", CheckOutcome.Warning => "[yellow]warning[/]", _ => "[red]FAILED[/] " };
            console.MarkupLine($"{mark} {Markup.Escape(check.Name)}: {Markup.Escape(check.Detail)}");
        }
    }
}
