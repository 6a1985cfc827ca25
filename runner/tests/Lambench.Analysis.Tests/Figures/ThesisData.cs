using Lambench.Core.Records;

namespace Lambench.Analysis.Tests.Figures;

/// <summary>A thesis-sized data set for the print tests: every table and figure of a report, with long stratum names.</summary>
internal static class ThesisData
{
    /// <summary>Two runtimes × two architectures × two workloads, three rounds, cold starts, a timeout and an error: every table and figure.</summary>
    public static List<InvocationRecord> Records() =>
        (from runtime in new[] { ("go", 1.0, "provided.al2023"), ("python", 2.5, "python3.12") }
         from architecture in new[] { ("arm64", 0.9), ("x86_64", 1.0) }
         from workload in new[] { ("sort-2k", 12.0), ("primes-5k", 30.0) }
         from round in Enumerable.Range(1, 3)
         from k in Enumerable.Range(0, 24)
         let name = $"{runtime.Item1}-{architecture.Item1}-1024mb"
         select new InvocationRecord
         {
             Configuration = name, Runtime = runtime.Item3, Architecture = architecture.Item1, MemorySizeMb = 1024, Platform = "aws",
             RequestId = $"{name}-{workload.Item1}-{round}-{k}", DurationMs = Math.Round(runtime.Item2 * architecture.Item2 * (workload.Item2 + 2 * Math.Sin(k * 1.7 + round)), 2),
             BilledDurationMs = Math.Ceiling(runtime.Item2 * workload.Item2 + 3), InitDurationMs = k < 3 ? Math.Round(runtime.Item2 * (80 + 7 * k + round), 2) : null,
             MaxMemoryUsedMb = 60 + k % 5, Round = round, Label = workload.Item1, Repetition = k,
             Status = k == 23 && round == 2 ? (runtime.Item1 == "go" ? InvocationStatus.Timeout : InvocationStatus.Error) : InvocationStatus.Success,
         }).ToList();
}
