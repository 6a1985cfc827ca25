using Lambench.Core.Vocabulary;
using System.CommandLine;
using System.Globalization;
using Lambench.Core.Csv;
using Lambench.Core.Ingest;
using Lambench.Core.Logs;
using Lambench.Core.Records;
using Spectre.Console;

namespace Lambench.Cli.Commands.Ingest;

/// <summary><c>lambench ingest</c>: any mix of Lambda log files to one invocations.csv.</summary>
public static class IngestCommand
{
    public static Command Build(IAnsiConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Log files: raw Lambda log text (text or JSON log format), Logs Insights CSV exports, or the JSON of aws logs filter-log-events / get-log-events; .gz allowed.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o") { Description = "The invocations.csv to write (replaced whole, never half-written).", Required = true };
        var configuration = new Option<string?>("--configuration") { Description = "Configuration name for every row. Default: the log group (Insights exports) or the file name without extensions." };
        var runtime = new Option<string?>("--runtime") { Description = "Runtime of the function, e.g. python3.12 or provided.al2023 (Go). Logs do not say it." };
        var architecture = new Option<string?>("--architecture") { Description = "arm64 or x86_64. Logs do not say it; without it costs cannot be computed." };
        architecture.AcceptOnlyFromAmong(Architectures.Arm64, Architectures.X86_64);
        configuration.Validators.Add(r => SpreadsheetSafe(r, "--configuration"));
        var functionName = new Option<string?>("--function-name") { Description = "Function name. Default: from the log group /aws/lambda/<name> when the export has it." };
        functionName.Validators.Add(r => SpreadsheetSafe(r, "--function-name"));
        var strict = new Option<bool>("--strict") { Description = "A REPORT line that cannot be read is an error (nothing is written) instead of being skipped, counted and listed in <out>.rejected.txt." };
        var platform = new Option<string>("--platform") { Description = "Where the logs come from: aws (CloudWatch) or local (Lambench's local platform).", DefaultValueFactory = _ => "aws" };
        platform.AcceptOnlyFromAmong([.. Vocabulary<Platform>.Names]);

        var command = new Command("ingest", """
            Read Lambda REPORT lines from log files and write one row per invocation (request id) to a CSV.

            A REPORT line is a message that begins with "REPORT RequestId:" (after a timestamp or log stream prefix);
            its fields are read by their labels, tab or space separated, with an X-Ray trailer allowed after it. A
            REPORT line that cannot be read is skipped and counted; the first few are printed with file, line and
            reason, all of them go to <out>.rejected.txt, and the CSV is still written (--strict makes them errors).
            The same request id with other metrics in two places is a conflict: the first is kept, and every conflict
            goes to <out>.conflicts.csv.

            The DynamoDB calls Lambench's functions log as CloudWatch embedded metric lines (JSON with "_aws") go to
            operations.csv beside an output named invocations.csv, else <out without .csv>.operations.csv: one row
            per call of an ingested invocation, joined by request id.

            Examples:
              lambench ingest logs/*.log.gz --out invocations.csv --architecture arm64 --runtime python3.12
              lambench ingest export.csv events.json --out invocations.csv --strict
            """)
        {
            paths, output, configuration, runtime, architecture, functionName, platform, strict,
        };
        command.SetAction((result, cancellation) =>
        {
            var options = new IngestOptions
            {
                Configuration = result.GetValue(configuration),
                Runtime = result.GetValue(runtime),
                Architecture = result.GetValue(architecture),
                FunctionName = result.GetValue(functionName),
                Platform = Vocabulary<Platform>.Parse(result.GetValue(platform)!),
                Strict = result.GetValue(strict),
            };
            return Task.FromResult(Run(console, result.GetValue(paths)!, result.GetValue(output)!, options, cancellation));
        });
        return command;
    }

    public static int Run(IAnsiConsole console, IReadOnlyList<string> paths, string output, IngestOptions options, CancellationToken cancellation)
    {
        var ingestor = new LogIngestor(options);
        try
        {
            cancellation.ThrowIfCancellationRequested();
            console.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new SpinnerColumn(), new ElapsedTimeColumn()).Start(context =>
            {
                // Files are read in parallel; each has its own line on the display.
                var tasks = paths.Distinct().ToDictionary(p => p, p => context.AddTask(Markup.Escape($"Reading {p}")).IsIndeterminate());
                ingestor.AddFiles(
                    paths.Select(p => (p, (IngestOptions?)null)).ToList(),
                    new Progress<(string Path, long Entries)>(p => tasks[p.Path].Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Reading {p.Path}: {p.Entries:N0} lines"))));
            });
        }
        catch (LogFormatException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            console.MarkupLineInterpolated($"Nothing was written to {output}.");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            console.MarkupLineInterpolated($"Cancelled; nothing was written to {output}.");
            return ExitCodes.Cancelled;
        }

        var result = ingestor.Complete();
        try
        {
            InvocationCsvWriter.WriteFile(output, result.Invocations);
            OperationCsvFile.WriteOrRemove(OperationCsvFile.PathBeside(output), OperationCsvFile.JoinedWith(result.Operations, result.Invocations));
            IngestReportFiles.Write(output, result);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] cannot write {output}: {e.Message}");
            return ExitCodes.BadInput;
        }

        console.MarkupLineInterpolated($"[green]Wrote {output}[/]: {result.Summary.ToOneLine()}");
        if (result.Operations.Count > 0)
        {
            console.MarkupLineInterpolated($"[green]Wrote {OperationCsvFile.PathBeside(output)}[/]: the DynamoDB operations of those invocations, one a row");
        }

        Print(console, "rejected", result.Rejected.Select(r => r.ToString()).ToList(), IngestReportFiles.RejectedPath(output));
        Print(console, "conflict", result.Conflicts.Select(c => c.ToString()).ToList(), IngestReportFiles.ConflictsPath(output));

        if (result.Invocations.Count == 0)
        {
            console.MarkupLine("[yellow]warning:[/] no REPORT lines found: the CSV has a header only.");
        }

        return ExitCodes.Success;
    }

    /// <summary>A name written into every row: printable, and not what a spreadsheet would run as a formula.</summary>
    private static void SpreadsheetSafe(System.CommandLine.Parsing.OptionResult result, string option)
    {
        if (result.GetValueOrDefault<string?>() is { } value && (value.Length == 0 || value[0] is '=' or '+' or '-' or '@' || value.Any(char.IsControl)))
        {
            result.AddError($"{option} '{Lambench.Core.Text.Excerpt.Of(value)}' is not a name for invocations.csv: printable, not empty, and not starting with =, +, - or @ (a spreadsheet would run it as a formula)");
        }
    }

    /// <summary>The first few problems of a kind, then how many more and where all of them are.</summary>
    private static void Print(IAnsiConsole console, string kind, IReadOnlyList<string> problems, string file)
    {
        const int Shown = 5;
        foreach (var problem in problems.Take(Shown))
        {
            console.MarkupLineInterpolated($"[yellow]{kind}:[/] {problem}");
        }

        if (problems.Count > 0)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {problems.Count} {kind} line(s){(problems.Count > Shown ? $", {problems.Count - Shown} more than shown" : string.Empty)}; all of them in {file}");
        }
    }
}
