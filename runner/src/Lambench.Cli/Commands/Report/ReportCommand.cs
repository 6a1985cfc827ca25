using System.CommandLine;
using Lambench.Analysis;
using Lambench.Analysis.Figures;
using Lambench.Analysis.Report;
using Lambench.Core.Cost;
using Lambench.Core.Csv;
using Lambench.Core.Ingest;
using Lambench.Core.Logs;
using Lambench.Core.Records;
using Lambench.Core.Summary;
using Spectre.Console;

namespace Lambench.Cli.Commands.Report;

/// <summary><c>lambench report</c>: invocations CSVs (or raw logs) to tables, figures and costs.</summary>
public static class ReportCommand
{
    public static Command Build(IAnsiConsole console)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "invocations.csv files (from ingest or run), run directories (their invocations.csv) or wildcards (out/invocations-*.csv). A log file is ingested on the fly with default options (no architecture: no costs).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o") { Description = "Directory for summary.csv, comparisons.csv, tables/, figures/ and index.html.", Required = true };
        var language = new Option<string>("--lang") { Description = "Language of tables and figures: en, or pt-BR (decimal comma, Portuguese captions).", DefaultValueFactory = _ => "en" };
        language.AcceptOnlyFromAmong("en", "pt-BR");
        var region = new Option<string>("--region") { Description = "Price region: reads data/prices/<region>.yaml (us-east-1, sa-east-1); for a region without one, us-east-1's figures stand in and every table says they are unconfirmed. A run's report uses the run's region.", DefaultValueFactory = _ => PriceCatalogLoader.DefaultRegion };
        var prices = new Option<string?>("--prices") { Description = "A YAML file overriding price figures (same layout as data/prices/us-east-1.yaml, only the keys to change)." };
        var monthly = MonthlyInvocationsOption.Create();
        var coldShare = ColdShareOption.Create();
        var labelPrefix = new Option<string>("--label-prefix") { Description = "Put before every LaTeX label (tab:<prefix>latency, fig:<prefix>cost), so two reports can share one thesis; letters, digits, '-', '_', ':' and '.'.", DefaultValueFactory = _ => string.Empty };
        labelPrefix.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && !System.Text.RegularExpressions.Regex.IsMatch(r.Tokens[0].Value, "^[A-Za-z0-9:._-]*$"))
            {
                r.AddError($"--label-prefix: '{r.Tokens[0].Value}' may hold only letters, digits, '-', '_', ':' and '.' (it goes into \\label and \\ref)");
            }
        });
        var noStatic = new Option<bool>("--no-static-figures") { Description = "Skip SVG/PNG export (which needs Chromium); index.html still has every figure." };

        var command = new Command("report", "Compute statistics and costs and write a report: CSV summaries, tables (Markdown, HTML, LaTeX), figures (HTML, SVG, PNG), index.html.")
        {
            inputs, output, language, region, prices, monthly, coldShare, labelPrefix, noStatic,
        };
        command.SetAction((result, cancellation) => RunAsync(
            console,
            result.GetValue(inputs)!,
            new ReportOptions
            {
                OutputDirectory = result.GetValue(output)!,
                Language = ReportLanguage.Parse(result.GetValue(language)!),
                MonthlyInvocations = result.GetValue(monthly),
                ColdShare = result.GetValue(coldShare),
                LabelPrefix = result.GetValue(labelPrefix)!,
                StaticFigures = !result.GetValue(noStatic),
            },
            result.GetValue(region)!,
            result.GetValue(prices),
            cancellation));
        return command;
    }

    public static async Task<int> RunAsync(IAnsiConsole console, IReadOnlyList<string> inputs, ReportOptions options, string region, string? pricesOverride, CancellationToken cancellation)
    {
        // Chromium starts now: its start-up and plotly.js's parse overlap reading and summarising the data.
        await using var chromium = FigureFiles.StartChromium(options.StaticFigures, options.ChromiumPath);
        options = options with { Chromium = chromium };
        PriceCatalog catalog;
        IReadOnlyList<InvocationRecord> invocations;
        // The catalog (YAML: a fifth of a second in a fresh process) loads while the inputs are read; its error, if any, comes first.
        var loading = Task.Run(() => PriceCatalogLoader.LoadForRegion(region, pricesOverride), cancellation);
        try
        {
            try
            {
                inputs = InputPaths.Expand(inputs);
                invocations = ReportInputs.Load(inputs, (input, summary) => console.MarkupLineInterpolated($"[grey]·[/] {input} is a log file: {summary.ToOneLine()}"));
            }
            finally
            {
                catalog = await loading.ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is PriceCatalogException or LogFormatException or InvalidDataException or IOException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return ExitCodes.BadInput;
        }

        if (invocations.Count == 0)
        {
            // A header-only CSV (what ingest of a log without REPORT lines writes): there is nothing to summarise.
            console.MarkupLineInterpolated($"[red]error:[/] {string.Join(", ", inputs)}: no invocations (no rows, or no REPORT lines): nothing to report");
            return ExitCodes.BadInput;
        }

        ReportOutcome outcome;
        try
        {
            outcome = await new ReportWriter(catalog).WriteAsync(invocations, inputs, options, new ConsoleProgress(console), cancellation);
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Files go through AtomicFile: a report that cannot be written leaves none half-written.
            console.MarkupLineInterpolated($"[red]error:[/] cannot write the report to {options.OutputDirectory}: {e.Message}");
            return ExitCodes.BadInput;
        }

        foreach (var warning in outcome.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }

        ReportWrittenLine.Print(console, outcome, invocations.Count, Path.GetFullPath(Path.Combine(options.OutputDirectory, "index.html")));
        return ExitCodes.Success;
    }
}
