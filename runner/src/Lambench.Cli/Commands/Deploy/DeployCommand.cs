using System.CommandLine;
using Lambench.Core.Processes;
using Lambench.LocalPlatform.Template;
using Lambench.Runner.Deploy;
using Spectre.Console;

namespace Lambench.Cli.Commands.Deploy;

/// <summary><c>lambench deploy</c>: the SAM template to AWS, with the SAM CLI where installed, else with the AWS CLI.</summary>
public static class DeployCommand
{
    private static readonly string[] Capabilities = ["--capabilities", "CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"];

    public static Command Build(IAnsiConsole console)
    {
        var stack = new Option<string>("--stack") { Description = "The stack name; the functions are named <stack>-<runtime>-<workload>-<arch>.", DefaultValueFactory = _ => TemplateReader.DefaultStackName };
        var region = new Option<string?>("--region") { Description = "The AWS region. Default: the AWS CLI's (AWS_REGION, the profile)." };
        var template = new Option<string?>("--template") { Description = "The SAM template. Default: infra/template.yaml of the repository." };
        var bucket = new Option<string?>("--s3-bucket") { Description = "The S3 bucket `aws cloudformation package` uploads the code to (needed without the SAM CLI, which creates its own)." };
        var parameters = new Option<string[]>("--parameter") { Description = "A template parameter, Name=Value (MemorySize, Timeout, QueueMaximumConcurrency, LogRetentionDays); repeatable.", AllowMultipleArgumentsPerToken = false };
        var command = new Command("deploy", """
            Deploy infra/template.yaml to AWS: the functions under test (Python and Go, arm64 and x86_64), the writer
            queues with their triggers, the table, the role and the log groups. Credentials and region come the AWS
            way (environment, profiles, SSO). With the SAM CLI installed: sam build, then sam deploy. Otherwise the Go
            functions are built here (infra/functions/go/build.sh, for each architecture) and the AWS CLI packages the
            code into --s3-bucket and deploys. The stack is tagged with the template's SHA-256, so `lambench doctor` can
            tell whether it matches this checkout. The region and credentials are checked first (as doctor does).
            The stack's outputs are printed and kept in .lambench/deploy/. To delete everything it created (nothing
            is left that bills): aws cloudformation delete-stack --stack-name <stack> --region <region>.

            Examples:
              lambench deploy --region us-east-1
              lambench deploy --region sa-east-1 --s3-bucket my-artifacts --parameter MemorySize=1024
            """)
        {
            stack, region, template, bucket, parameters,
        };
        command.SetAction((result, cancellation) => RunAsync(console, result.GetValue(stack)!, result.GetValue(region), result.GetValue(template), result.GetValue(bucket), result.GetValue(parameters) ?? [], cancellation));
        return command;
    }

    public static async Task<int> RunAsync(IAnsiConsole console, string stack, string? region, string? templateOption, string? bucket, IReadOnlyList<string> parameters, CancellationToken cancellation)
    {
        var templatePath = RepositoryLayout.Template(templateOption);
        if (templatePath is null || !File.Exists(templatePath))
        {
            console.MarkupLine("[red]error:[/] no infra/template.yaml above the current directory; pass --template");
            return ExitCodes.BadInput;
        }

        if (parameters.FirstOrDefault(p => !p.Contains('=', StringComparison.Ordinal)) is { } bad)
        {
            console.MarkupLineInterpolated($"[red]error:[/] --parameter {bad}: expected Name=Value");
            return ExitCodes.BadInput;
        }

        var (resolvedRegion, regionSource) = Lambench.Experiments.AwsAccountCheck.ResolveRegion(region);
        console.MarkupLine("Checking the AWS account (lambench doctor):");
        if (!await Doctor.AwsChecks.PrintAsync(console, resolvedRegion, regionSource, null, cancellation))
        {
            console.MarkupLine("[red]error:[/] nothing was deployed: fix what failed above");
            return ExitCodes.Failed;
        }

        region = resolvedRegion;
        // The template's hash as a stack tag: `lambench doctor` compares it with this checkout's template.
        string[] tags = ["--tags", $"{Lambench.Runner.Doctor.TemplateHash.TagKey}={Lambench.Runner.Doctor.TemplateHash.Of(templatePath)}"];
        var work = Path.Combine(Path.GetDirectoryName(RepositoryLayout.LocalWorkDirectory())!, "deploy");
        Directory.CreateDirectory(work);
        string[] regionArguments = region is null ? [] : ["--region", region];
        string[] overrides = parameters.Count == 0 ? [] : ["--parameter-overrides", .. parameters];
        try
        {
            if (ExecutableSearch.OnPath("sam") is { } sam)
            {
                var buildDirectory = Path.Combine(work, "sam-build");
                if (!await Step(console, sam, ["build", "--template-file", templatePath, "--build-dir", buildDirectory], cancellation))
                {
                    return ExitCodes.Failed;
                }

                if (!await Step(console, sam, ["deploy", "--template-file", Path.Combine(buildDirectory, "template.yaml"), "--stack-name", stack, .. Capabilities, "--resolve-s3", "--no-confirm-changeset", "--no-fail-on-empty-changeset", .. regionArguments, .. overrides, .. tags], cancellation))
                {
                    return ExitCodes.Failed;
                }
            }
            else if (ExecutableSearch.OnPath("aws") is { } aws)
            {
                if (bucket is null)
                {
                    console.MarkupLine("[red]error:[/] without the SAM CLI, deploy packages the code with `aws cloudformation package`, which needs an S3 bucket: pass --s3-bucket (or install the SAM CLI)");
                    return ExitCodes.BadInput;
                }

                var buildScript = Path.Combine(Path.GetDirectoryName(templatePath)!, "functions", "go", "build.sh");
                console.MarkupLine("Building the Go functions for arm64 and x86_64 (what sam build would do)");
                var staged = await TemplateStager.StageAsync(templatePath, Path.Combine(work, "staged"), async (architecture, output, token) =>
                {
                    var (exit, tail, _) = await ToolProcess.RunAsync(console, "bash", [buildScript, architecture, output], token);
                    if (exit != 0)
                    {
                        throw new InvalidDataException($"building the Go bootstrap for {architecture} failed: {tail}");
                    }
                }, cancellation);
                var packaged = Path.Combine(work, "packaged.yaml");
                if (!await Step(console, aws, ["cloudformation", "package", "--template-file", staged, "--s3-bucket", bucket, "--output-template-file", packaged, .. regionArguments], cancellation)
                    || !await Step(console, aws, ["cloudformation", "deploy", "--template-file", packaged, "--stack-name", stack, .. Capabilities, "--no-fail-on-empty-changeset", .. regionArguments, .. overrides, .. tags], cancellation))
                {
                    return ExitCodes.Failed;
                }
            }
            else
            {
                console.MarkupLine("[red]error:[/] deploy needs the SAM CLI or the AWS CLI v2 (Debian: apt-get install awscli)");
                return ExitCodes.BadInput;
            }

            var outputs = Path.Combine(work, stack + "-outputs.json");
            var (described, _, json) = await ToolProcess.RunAsync(console, ExecutableSearch.OnPath("aws") ?? "aws", ["cloudformation", "describe-stacks", "--stack-name", stack, "--query", "Stacks[0].Outputs", "--output", "json", .. regionArguments], cancellation);
            if (described != 0)
            {
                console.MarkupLine("[yellow]warning:[/] deployed, but describe-stacks failed; the outputs were not saved");
                return ExitCodes.Success;
            }

            Lambench.Core.Csv.AtomicFile.WriteAllText(outputs, json);
            console.MarkupLineInterpolated($"Deployed {stack}; its outputs are in {outputs}. Run an experiment with: lambench run experiments/arch-compute.yaml --target aws --stack {stack}{(region is null ? string.Empty : " --region " + region)}");
            return ExitCodes.Success;
        }
        catch (InvalidDataException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("Cancelled.");
            return ExitCodes.Cancelled;
        }
    }

    private static async Task<bool> Step(IAnsiConsole console, string program, IReadOnlyList<string> arguments, CancellationToken cancellation)
    {
        var (exit, _, _) = await ToolProcess.RunAsync(console, program, arguments, cancellation);
        if (exit != 0)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {Path.GetFileName(program)} {string.Join(' ', arguments.Take(2))} failed (exit {exit}); its last lines are above. Nothing after it ran.");
        }

        return exit == 0;
    }
}
