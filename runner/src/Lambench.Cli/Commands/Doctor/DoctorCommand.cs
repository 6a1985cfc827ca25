using System.CommandLine;
using Lambench.LocalPlatform.Template;
using Spectre.Console;

namespace Lambench.Cli.Commands.Doctor;

/// <summary><c>lambench doctor</c>: is this AWS account ready for `run --target aws`? One line per check.</summary>
public static class DoctorCommand
{
    public static Command Build(IAnsiConsole console)
    {
        var stack = new Option<string>("--stack") { Description = "The stack lambench deploy created.", DefaultValueFactory = _ => TemplateReader.DefaultStackName };
        var region = new Option<string?>("--region") { Description = "The AWS region. Default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's." };
        var template = new Option<string?>("--template") { Description = "The SAM template the stack should come from. Default: infra/template.yaml of the repository." };
        var command = new Command("doctor", """
            Check, in seconds and without creating anything, that an AWS account can run experiments:
              region        a region name AWS knows (--region, AWS_REGION, AWS_DEFAULT_REGION, the profile)
              endpoints     any AWS_ENDPOINT_URL override (then the figures are not AWS's)
              credentials   whose they are (STS GetCallerIdentity)
              stack         deployed, usable, and from this checkout's template (the hash lambench deploy tags it with)
              functions     each one of the template Active, with its architecture and runtime
              log groups    /aws/lambda/<function> for each
              read logs     FilterLogEvents allowed (collection needs it)
              read metrics  GetMetricStatistics allowed (throttles are counted from it)
            Exit status 0 when a run would start, 1 when a check failed. `run --target aws` runs the same checks first,
            `deploy` the region and credentials checks.

            Examples:
              lambench doctor --region sa-east-1
              AWS_PROFILE=thesis lambench doctor --stack lambench-tcc
            """)
        {
            stack, region, template,
        };
        command.SetAction((result, cancellation) => RunAsync(console, result.GetValue(stack)!, result.GetValue(region), result.GetValue(template), cancellation));
        return command;
    }

    public static async Task<int> RunAsync(IAnsiConsole console, string stack, string? regionOption, string? templateOption, CancellationToken cancellation)
    {
        var templatePath = RepositoryLayout.Template(templateOption);
        if (templatePath is null || !File.Exists(templatePath))
        {
            console.MarkupLine("[red]error:[/] no infra/template.yaml above the current directory; pass --template");
            return ExitCodes.BadInput;
        }

        Runner.Doctor.ExpectedDeployment expected;
        try
        {
            expected = Lambench.Experiments.AwsAccountCheck.Expected(templatePath, stack);
        }
        catch (TemplateException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return ExitCodes.BadInput;
        }

        var (region, source) = Lambench.Experiments.AwsAccountCheck.ResolveRegion(regionOption);
        try
        {
            return await AwsChecks.PrintAsync(console, region, source, expected, cancellation) ? ExitCodes.Success : ExitCodes.Failed;
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("Cancelled.");
            return ExitCodes.Cancelled;
        }
    }
}
