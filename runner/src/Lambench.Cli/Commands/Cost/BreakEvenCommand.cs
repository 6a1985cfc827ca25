using System.CommandLine;
using Lambench.Analysis;
using Lambench.Analysis.Costs;
using Lambench.Analysis.Figures;
using Lambench.Analysis.Report;
using Lambench.Core.Cost;
using Lambench.Core.Logs;
using Spectre.Console;

namespace Lambench.Cli.Commands.Cost;

/// <summary><c>lambench cost breakeven</c>: each measured configuration's monthly cost against Fargate tasks doing the same work, and where they cross.</summary>
public static class BreakEvenCommand
{
    public static Command Build(IAnsiConsole console)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "invocations.csv files, run directories or wildcards, as for lambench report.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "Directory for breakeven.csv, breakeven.xlsx, tables/breakeven.* and figures/breakeven.*.", Required = true };
        var vcpu = Positive(new Option<decimal>("--vcpu") { Description = "vCPU of a task (256 CPU units = 0.25).", DefaultValueFactory = _ => 0.25m });
        var memory = Positive(new Option<decimal>("--memory-gb") { Description = "Memory of a task in GB.", DefaultValueFactory = _ => 0.5m });
        var architecture = new Option<string?>("--task-architecture") { Description = "x86_64 or arm64 tasks. Default: each configuration's own architecture." };
        architecture.AcceptOnlyFromAmong("x86_64", "arm64");
        var concurrency = new Option<int>("--concurrency") { Description = "Requests one task serves at the same time (measure it, or declare what the service allows).", DefaultValueFactory = _ => 1 };
        var utilization = new Option<decimal>("--utilization") { Description = "Share of a task's capacity used before one more task runs: below 1 keeps idle capacity for peaks.", DefaultValueFactory = _ => 1m };
        var minTasks = new Option<int>("--min-tasks") { Description = "Tasks kept running whatever the traffic (two for availability across zones).", DefaultValueFactory = _ => 1 };
        var balancer = new Option<decimal>("--lb-usd-per-month") { Description = "A load balancer's monthly cost, added to Fargate's (an Application Load Balancer's hours and capacity units; 0: none).", DefaultValueFactory = _ => 0m };
        var serviceTime = Positive(new Option<decimal?>("--service-time-ms") { Description = "How long one request holds a task. Default: each configuration's mean warm Duration on Lambda." });
        var noFreeTier = new Option<bool>("--no-free-tier") { Description = "Price Lambda without its monthly free tier (as if the account used it elsewhere)." };
        var region = new Option<string>("--region") { Description = "Price region (data/prices/<region>.yaml).", DefaultValueFactory = _ => PriceCatalogLoader.DefaultRegion };
        var prices = new Option<string?>("--prices") { Description = "A YAML file overriding price figures (only the keys to change)." };
        var language = new Option<string>("--lang") { Description = "Language of the table and figure: en or pt-BR.", DefaultValueFactory = _ => "en" };
        language.AcceptOnlyFromAmong("en", "pt-BR");
        var noStatic = new Option<bool>("--no-static-figures") { Description = "Skip SVG/PNG export (which needs Chromium)." };
        concurrency.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--concurrency must be 1 or more"); } });
        minTasks.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--min-tasks must be 1 or more"); } });
        utilization.Validators.Add(r => { if (r.GetValueOrDefault<decimal>() is <= 0 or > 1) { r.AddError("--utilization is a share above 0 and at most 1"); } });
        balancer.Validators.Add(r => { if (r.GetValueOrDefault<decimal>() < 0) { r.AddError("--lb-usd-per-month must not be negative"); } });
        var command = new Command("breakeven", """
            Weigh each measured configuration against Fargate tasks doing the same work: Lambda's monthly cost (the mean
            Billed Duration of its warm invocations at its memory) and the tasks' (vCPU-hours and GB-hours of as many
            tasks as the volume needs, each serving --concurrency requests for the service time) as the volume grows,
            and the smallest monthly volume at which Lambda costs as much. What the model leaves out is printed with it.

            Example (the published load test's 3-second payment step against a task of 256 CPU units and 512 MB):
              lambench cost breakeven runs/payment-sync --vcpu 0.25 --memory-gb 0.5 --min-tasks 2 --lb-usd-per-month 16.43 --out out/breakeven
            """)
        {
            inputs, output, vcpu, memory, architecture, concurrency, utilization, minTasks, balancer, serviceTime, noFreeTier, region, prices, language, noStatic,
        };
        command.SetAction((result, cancellation) => RunAsync(console, result.GetValue(inputs)!, result.GetValue(output)!, new FargateTaskSizing
        {
            Vcpu = result.GetValue(vcpu),
            MemoryGb = result.GetValue(memory),
            Architecture = result.GetValue(architecture),
            ConcurrencyPerTask = result.GetValue(concurrency),
            TargetUtilization = result.GetValue(utilization),
            MinimumTasks = result.GetValue(minTasks),
            LoadBalancerUsdPerMonth = result.GetValue(balancer),
        }, new BreakEvenRequest(result.GetValue(serviceTime), !result.GetValue(noFreeTier), result.GetValue(region)!, result.GetValue(prices), ReportLanguage.Parse(result.GetValue(language)!), !result.GetValue(noStatic)), cancellation));
        return command;
    }

    private static Option<T> Positive<T>(Option<T> option)
    {
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<T>() is decimal value && value <= 0)
            {
                r.AddError($"{option.Name} must be above 0");
            }
        });
        return option;
    }

    private static async Task<int> RunAsync(IAnsiConsole console, IReadOnlyList<string> inputs, string output, FargateTaskSizing sizing, BreakEvenRequest request, CancellationToken cancellation)
    {
        BreakEvenResult result;
        BreakEvenReport report;
        try
        {
            var catalog = PriceCatalogLoader.LoadForRegion(request.Region, request.Prices);
            var invocations = ReportInputs.Load(InputPaths.Expand(inputs));
            report = new BreakEvenReport(catalog, sizing, request.Language, request.WithFreeTier);
            result = report.Build(invocations, request.ServiceTimeMs);
        }
        catch (Exception e) when (e is PriceCatalogException or LogFormatException or InvalidDataException or IOException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (ArgumentOutOfRangeException e)
        {
            // A sizing the options' own checks let through, or a service time of 0 ms.
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message.Split(" (Parameter", 2)[0]}");
            return ExitCodes.BadInput;
        }

        if (result.Points.Count == 0)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {string.Join(", ", inputs)}: no successful warm invocation with an architecture and memory size: nothing to weigh");
            return ExitCodes.BadInput;
        }

        console.Profile.Out.Writer.WriteLine(result.Table.ToString()); // unwrapped: a Markdown row stays one line
        var (files, warning) = await report.WriteAsync(result, output, request.StaticFigures, progress: new ConsoleProgress(console), cancellation: cancellation);
        if (warning is not null)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }

        console.MarkupLineInterpolated($"Wrote {files.Count} files in {output}");
        return ExitCodes.Success;
    }

    private sealed record BreakEvenRequest(decimal? ServiceTimeMs, bool WithFreeTier, string Region, string? Prices, ReportLanguage Language, bool StaticFigures);
}
