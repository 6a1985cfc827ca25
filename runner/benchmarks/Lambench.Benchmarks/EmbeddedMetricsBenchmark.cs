using System.Globalization;
using System.Text.Json;
using Lambench.Core.Ingest;
using Lambench.Core.Metrics;
using Lambench.Tests.Shared;

namespace Lambench.Benchmarks;

/// <summary>
/// What embedded metric lines cost, each beside a peer in the same run: reading one line (what the local platform does
/// for every EMF log event, and the ingest for every fetched one) against parsing its JSON alone, the floor any reader
/// pays; and ingesting a writer's logs with its EMF lines (tag, four operations, handler time, REPORT) against the same
/// logs without them (tag, REPORT), per invocation. The lines are the Go writer's own (Fixtures/emf/writer-invocations.log).
/// </summary>
public static class EmbeddedMetricsBenchmark
{
    public static int Run(string[] args)
    {
        var invocations = args.Length > 1 && args[0] == "--invocations" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000;
        var fixture = File.ReadAllLines(Path.Combine(RepositoryPaths.Root(), "runner", "tests", "Lambench.Core.Tests", "Fixtures", "emf", "writer-invocations.log"));
        var operation = fixture.First(l => l.Contains("\"Operation\"", StringComparison.Ordinal) && l.Contains("\"_aws\"", StringComparison.Ordinal));
        Console.WriteLine($"Embedded metrics benchmark, {Environment.ProcessorCount} cores.");
        Console.WriteLine();
        Console.WriteLine("| reading one operation line | ns per line, median of 3 |");
        Console.WriteLine("|---|---:|");
        const int lines = 500_000;
        var emf = LoadGeneratorBenchmark.Median(() =>
        {
            for (var i = 0; i < lines; i++)
            {
                _ = EmbeddedMetricFormat.TryParse(operation, out _, out _);
            }
        }, lines);
        var json = LoadGeneratorBenchmark.Median(() =>
        {
            for (var i = 0; i < lines; i++)
            {
                using var document = JsonDocument.Parse(operation);
            }
        }, lines);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| EmbeddedMetricFormat.TryParse (parse, validate, extract 5 metrics) | {emf:F0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| peer: JsonDocument.Parse alone | {json:F0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| ratio | {emf / json:F2} |"));
        Ingest(fixture, invocations);
        return 0;
    }

    private static void Ingest(string[] fixture, int invocations)
    {
        // One Go invocation's seven lines, its request id replaced per copy so every invocation is its own.
        var block = fixture.Take(7).ToArray();
        var id = "cd6ee3cc-3e9c-47e3-9fc8-06986ae7a4ed";
        var directory = Directory.CreateTempSubdirectory("lambench-emf-bench-").FullName;
        try
        {
            var with = Path.Combine(directory, "with.log");
            var without = Path.Combine(directory, "without.log");
            using (var a = new StreamWriter(with))
            using (var b = new StreamWriter(without))
            {
                for (var i = 0; i < invocations; i++)
                {
                    var request = Guid.NewGuid().ToString();
                    foreach (var line in block)
                    {
                        var text = line.Replace(id, request, StringComparison.Ordinal);
                        a.WriteLine(text);
                        if (!text.Contains("\"_aws\"", StringComparison.Ordinal))
                        {
                            b.WriteLine(text);
                        }
                    }
                }
            }

            Console.WriteLine();
            Console.WriteLine($"| ingesting {invocations:N0} writer invocations | µs per invocation, median of 3 |");
            Console.WriteLine("|---|---:|");
            var withEmf = LoadGeneratorBenchmark.Median(() => Read(with, invocations * 4), invocations) / 1000;
            var withoutEmf = LoadGeneratorBenchmark.Median(() => Read(without, 0), invocations) / 1000;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| with its EMF lines (7 lines: 4 operations) | {withEmf:F2} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| peer: without them (tag and REPORT) | {withoutEmf:F2} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| ratio | {withEmf / withoutEmf:F2} |"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Read(string path, int operations)
    {
        var ingestor = new LogIngestor(new IngestOptions { Configuration = "go" });
        ingestor.AddFile(path);
        var result = ingestor.Complete();
        if (result.Operations.Count != operations)
        {
            throw new InvalidOperationException($"{result.Operations.Count} operations read, expected {operations}");
        }
    }
}
