using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Lambench.Benchmarks;

/// <summary>
/// Ingest and summarise N generated REPORT lines with Lambench, with DuckDB (SQL, in-process native engine) and with a
/// pandas script doing the same job, alternating runs in one session, each in a process of its own, and print lines per
/// second, the ratios and peak memory. Also checks that all agree on n, mean, p50, p95, p99 and max, so the faster one
/// is not faster by being wrong.
/// </summary>
public static class IngestBenchmark
{
    public static int Run(string[] args)
    {
        var lines = Option(args, "--lines", 1_000_000);
        var runs = Option(args, "--runs", 3);
        var work = Path.Combine(Path.GetTempPath(), "lambench-bench-" + lines.ToString(CultureInfo.InvariantCulture));
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var script = Path.Combine(AppContext.BaseDirectory, "pandas_ingest.py");

        Console.WriteLine($"Generating {lines:N0} synthetic REPORT lines in {work} (benchmark input only)...");
        var files = ReportLogGenerator.Generate(work, lines);
        var self = typeof(IngestBenchmark).Assembly.Location;
        var lambench = new List<Measurement>();
        var duckdb = new List<Measurement>();
        var pandas = new List<Measurement>();
        for (var run = 1; run <= runs; run++)
        {
            lambench.Add(Measure("dotnet", [self, "worker", Path.Combine(work, "lambench-summary.csv"), .. files]));
            duckdb.Add(Measure("dotnet", [self, "duckdb-worker", Path.Combine(work, "duckdb-summary.csv"), .. files]));
            pandas.Add(Measure(python, [script, Path.Combine(work, "pandas-summary.csv"), .. files]));
            Console.WriteLine($"run {run}: lambench {lambench[^1].JobSeconds:F2} s, duckdb {duckdb[^1].JobSeconds:F2} s, pandas {pandas[^1].JobSeconds:F2} s");
        }

        var l = Median(lambench);
        var d = Median(duckdb);
        var p = Median(pandas);
        Console.WriteLine();
        Console.WriteLine("Ratios are the peer's figure over Lambench's: above 1, Lambench is faster or smaller.");
        Console.WriteLine($"{"",-28}{"lambench",12}{"duckdb",12}{"pandas",12}{"vs duckdb",11}{"vs pandas",11}");
        Row("job time (s, median)", l.JobSeconds, d.JobSeconds, p.JobSeconds, "F2");
        Row("lines/s (job)", lines / l.JobSeconds, lines / d.JobSeconds, lines / p.JobSeconds, "N0", invert: true);
        Row("lines/s (whole process)", lines / l.WallSeconds, lines / d.WallSeconds, lines / p.WallSeconds, "N0", invert: true);
        Row("peak memory (MB)", l.PeakMegabytes, d.PeakMegabytes, p.PeakMegabytes, "N0");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"peak bytes per invocation",-28}{l.PeakMegabytes * 1048576 / lines,12:N0}{d.PeakMegabytes * 1048576 / lines,12:N0}{p.PeakMegabytes * 1048576 / lines,12:N0}"));
        Console.WriteLine();
        Console.WriteLine($"lambench also computed costs and {l.Comparisons} comparison rows (Mann-Whitney, Cliff's delta, bootstrap CI); the peers did not.");
        Console.WriteLine("duckdb: " + Agreement(Path.Combine(work, "lambench-summary.csv"), Path.Combine(work, "duckdb-summary.csv")));
        Console.WriteLine("pandas: " + Agreement(Path.Combine(work, "lambench-summary.csv"), Path.Combine(work, "pandas-summary.csv")));
        return 0;
    }

    private sealed record Measurement(double JobSeconds, double WallSeconds, double PeakMegabytes, long Comparisons);

    private static Measurement Measure(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var wall = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {errors}");
        }

        using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var root = json.RootElement;
        return new Measurement(root.GetProperty("elapsed_s").GetDouble(), wall, root.GetProperty("peak_rss_mb").GetDouble(),
            root.TryGetProperty("comparisons", out var c) ? c.GetInt64() : 0);
    }

    private static Measurement Median(List<Measurement> runs) => runs.OrderBy(r => r.JobSeconds).ElementAt(runs.Count / 2);

    /// <summary>A row of figures and the two ratios (peer over Lambench; for rates, Lambench over peer).</summary>
    private static void Row(string name, double lambench, double duckdb, double pandas, string format, bool invert = false)
    {
        string F(double value) => value.ToString(format, CultureInfo.InvariantCulture);
        string R(double peer) => (invert ? lambench / peer : peer / lambench).ToString("F2", CultureInfo.InvariantCulture) + "x";
        Console.WriteLine($"{name,-28}{F(lambench),12}{F(duckdb),12}{F(pandas),12}{R(duckdb),11}{R(pandas),11}");
    }

    /// <summary>Both sides use type-7 percentiles: every configuration's n and p50/p95/p99 must match.</summary>
    private static string Agreement(string lambenchCsv, string pandasCsv)
    {
        static Dictionary<string, Dictionary<string, string>> Read(string path)
        {
            var rows = File.ReadAllLines(path);
            var header = rows[0].Split(',');
            return rows.Skip(1).Select(r => header.Zip(r.Split(',')).ToDictionary(x => x.First.Trim('"'), x => x.Second.Trim('"')))
                .ToDictionary(r => r["configuration"] + "/" + r["start_type"]);
        }

        var ours = Read(lambenchCsv);
        var theirs = Read(pandasCsv);
        var worst = 0.0;
        foreach (var (key, row) in theirs)
        {
            foreach (var column in new[] { "n", "mean_duration_ms", "p50_duration_ms", "p95_duration_ms", "p99_duration_ms", "max_duration_ms" })
            {
                var a = double.Parse(ours[key][column], CultureInfo.InvariantCulture);
                var b = double.Parse(row[column], CultureInfo.InvariantCulture);
                worst = Math.Max(worst, Math.Abs(a - b));
            }
        }

        // summary.csv rounds milliseconds to 3 decimals: agreement is to half its last digit.
        return worst <= 0.0005 + 1e-9
            ? $"summaries agree: n, mean, p50, p95, p99, max of all {theirs.Count} configuration/start-type rows match Lambench's to its 3 decimals (largest difference {worst:G2} ms)"
            : $"SUMMARIES DISAGREE: largest difference {worst:G3} ms";
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
