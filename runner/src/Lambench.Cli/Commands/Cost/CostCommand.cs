using System.CommandLine;
using Lambench.Analysis;
using Lambench.Analysis.Costs;
using Lambench.Core.Cost;
using Lambench.Core.Specs;
using Spectre.Console;

namespace Lambench.Cli.Commands.Cost;

/// <summary><c>lambench cost</c>: what an architecture costs a month (<c>workflow</c>), and Lambda against containers (<c>breakeven</c>).</summary>
public static class CostCommand
{
    public static Command Build(IAnsiConsole console)
    {
        var command = new Command("cost", "Price more than single invocations: a whole serverless architecture for a month (workflow), or a measured configuration against Fargate containers (breakeven).");
        command.Subcommands.Add(Workflow(console));
        command.Subcommands.Add(BreakEvenCommand.Build(console));
        return command;
    }

    private static Command Workflow(IAnsiConsole console)
    {
        var spec = new Argument<string>("architecture") { Description = "A description of the architecture (architectures/*.yaml): state machines, functions, queues, buckets, tables, log volume, events, executions a day." };
        var region = new Option<string?>("--region") { Description = "Price region (data/prices/<region>.yaml). Default: the description's region." };
        var prices = new Option<string?>("--prices") { Description = "A YAML file overriding price figures (same layout as data/prices/us-east-1.yaml, only the keys to change)." };
        var language = new Option<string>("--lang") { Description = "Language of the tables: en, or pt-BR (decimal comma, Portuguese captions).", DefaultValueFactory = _ => "en" };
        language.AcceptOnlyFromAmong("en", "pt-BR");
        var output = new Option<string?>("--out", "-o") { Description = "Also write workflow_cost.csv, workflow_sensitivity.csv (pt-BR copies with --lang pt-BR), workflow_cost.xlsx and tables/ (Markdown, HTML, LaTeX) here." };
        var command = new Command("workflow", """
            Price a serverless architecture for a month, line by line: each line is a quantity times a unit price, each
            free tier a negative line taken off once for the whole architecture, then the total; and again at a tenth of
            the executions and at 10 and 100 times as many (the sensitivity table).

            Standard state machines are priced by transition (each state entered is one, a Map state's inner states count
            once per item, retries count), express ones by execution and GB-second; functions by GB-second and request
            from an assumed duration_ms or a measured one (the mean Billed Duration of a configuration in a run's
            invocations.csv).

            Example:
              lambench cost workflow architectures/finops-workflow.yaml --region sa-east-1 --lang pt-BR --out out/finops-cost
            """)
        {
            spec, region, prices, language, output,
        };
        command.SetAction(result =>
        {
            var report = new WorkflowCostReport(ReportLanguage.Parse(result.GetValue(language)!));
            try
            {
                var built = report.Build(result.GetValue(spec)!, result.GetValue(region), result.GetValue(prices));
                foreach (var table in built.Tables)
                {
                    // Unwrapped: a Markdown row must stay one line, whatever the terminal's width.
                    console.Profile.Out.Writer.WriteLine(table.ToString());
                }

                if (result.GetValue(output) is { } directory)
                {
                    var written = report.Write(built, directory);
                    console.MarkupLineInterpolated($"Wrote {written.Count} files in {directory}");
                }

                return ExitCodes.Success;
            }
            catch (SpecException e)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {e.Errors.Count} error(s) in the description:");
                foreach (var error in e.Errors)
                {
                    console.WriteLine("  " + error);
                }

                return ExitCodes.BadInput;
            }
            catch (Exception e) when (e is PriceCatalogException or IOException or UnauthorizedAccessException)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
                return ExitCodes.BadInput;
            }
            catch (OverflowException)
            {
                // decimal holds up to 7.9e28: nested Map items at their limits, times 100 in the sensitivity table, pass it.
                console.MarkupLineInterpolated($"[red]error:[/] {result.GetValue(spec)}: the volumes are too large to price (transitions, invocations or requests past 10^28 a month at ×100): lower executions_per_day or the Map items");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }
}
