using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lambench.Analysis.Tables;
using Lambench.Core.Cost;
using Lambench.Core.Csv;
using Lambench.Core.Ingest;
using Lambench.Core.Summary;

namespace Lambench.Benchmarks;

/// <summary>Lambench's side: ingest the files, summarise (statistics, costs, comparisons), write summary.csv; report time and peak memory.</summary>
public static class LambenchWorker
{
    public static int Run(string output, string[] paths)
    {
        var clock = Stopwatch.StartNew();
        // As report does: the price catalog (YAML, a fifth of a second to a cold process) loads while the files are read.
        var prices = Task.Run(() => PriceCatalogLoader.Load());
        var ingestor = new LogIngestor(new IngestOptions());
        // Each file has its own runtime and architecture, named in the file name (python-arm64.log).
        ingestor.AddFiles(paths.Select(path =>
        {
            var configuration = LogIngestor.ConfigurationFromFileName(path);
            var parts = configuration.Split('-');
            return (path, (IngestOptions?)new IngestOptions { Configuration = configuration, Runtime = parts[0], Architecture = parts[1] });
        }).ToList());

        var read = clock.Elapsed.TotalSeconds;
        var result = ingestor.Complete();
        var ingested = clock.Elapsed.TotalSeconds;
        var summary = new ConfigurationSummarizer(new LambdaCostModel(prices.Result)).Summarise(result.Invocations);
        var summarised = clock.Elapsed.TotalSeconds;
        AtomicFile.Write(output, writer => ColumnCsvWriter.Write(writer, SummaryCsvColumns.All, summary.Rows));
        var elapsed = clock.Elapsed.TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            elapsed_s = elapsed,
            read_s = read,
            ingest_s = ingested,
            summarise_s = summarised,
            peak_rss_mb = PeakResidentMegabytes(),
            lines = result.Summary.Entries,
            rows = result.Invocations.Count,
            comparisons = summary.Comparisons.Count,
            gen0_collections = GC.CollectionCount(0),
            gen2_collections = GC.CollectionCount(2),
            gc_pause_s = GC.GetTotalPauseDuration().TotalSeconds,
        }));
        return 0;
    }

    /// <summary>VmHWM: the peak resident set of this process, as the kernel counts it.</summary>
    public static double PeakResidentMegabytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            }
        }

        return double.NaN;
    }
}
