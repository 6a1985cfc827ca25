using System.CommandLine;
using Lambench.Cli.Commands.Cost;
using Lambench.Cli.Commands.Deploy;
using Lambench.Cli.Commands.Doctor;
using Lambench.Cli.Commands.Ingest;
using Lambench.Cli.Commands.Local;
using Lambench.Cli.Commands.Notebook;
using Lambench.Cli.Commands.Report;
using Lambench.Cli.Commands.Run;
using Spectre.Console;

namespace Lambench.Cli;

/// <summary>The lambench command: one verb per folder under Commands, the console injected so tests can drive it.</summary>
public static class LambenchApplication
{
    public static RootCommand Build(IAnsiConsole console) => new(
        """
        Lambench: fair, repeatable AWS Lambda experiments and their analysis.

        Typical use:
          lambench run experiments/quickstart.yaml --out runs/quickstart   (an experiment end to end; resumable)
          lambench doctor --region sa-east-1                                (is the AWS account ready? one line per check)
          lambench deploy --region sa-east-1 --s3-bucket my-artifacts       (the stack, for run --target aws)
          lambench ingest logs/*.log --out invocations.csv --architecture x86_64 --runtime provided.al2
          lambench report invocations.csv --out report/ [--lang pt-BR]
          lambench notebook render notebooks/*.ipynb --out out/notebooks
          lambench local up      (the functions of infra/template.yaml on 127.0.0.1; local down stops them)
        """)
    {
        RunCommand.Build(console),
        DeployCommand.Build(console),
        DoctorCommand.Build(console),
        IngestCommand.Build(console),
        ReportCommand.Build(console),
        CostCommand.Build(console),
        NotebookCommand.Build(console),
        LocalCommand.Build(console),
    };

    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter? output = null, TextWriter? error = null)
    {
        var configuration = new InvocationConfiguration();
        if (output is not null)
        {
            configuration.Output = output;
        }

        if (error is not null)
        {
            configuration.Error = error;
        }

        // Every failure a user can cause is caught where it happens and said in one line; what reaches here is a bug,
        // and is said in one line too (the stack trace only when asked for), never System.CommandLine's trace dump.
        configuration.EnableDefaultExceptionHandler = false;
        try
        {
            return await Build(console).Parse(args).InvokeAsync(configuration);
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            console.MarkupLineInterpolated($"[red]internal error:[/] {e.GetType().Name}: {Core.Text.Excerpt.Of(e.Message)}");
            console.MarkupLine("This is a bug in lambench: please report it with the command you ran. LAMBENCH_DEBUG=1 prints where it happened.");
            if (Environment.GetEnvironmentVariable("LAMBENCH_DEBUG") is { Length: > 0 })
            {
                console.WriteLine(e.ToString());
            }

            return ExitCodes.InternalError;
        }
    }
}
