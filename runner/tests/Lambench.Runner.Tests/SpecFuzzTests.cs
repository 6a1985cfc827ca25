using Lambench.Core.Specs;
using System.Text;
using Lambench.Runner.Plans;
using Lambench.Runner.Specs;
using Lambench.Tests.Shared;
using Xunit.Abstractions;

namespace Lambench.Runner.Tests;

/// <summary>
/// The spec reader under damaged specs: the shipped specs with lines dropped, repeated or swapped, values replaced by
/// YAML's awkward ones (null, ~, AWS, -1, 1e9, [], {}, anchors, tabs, very long strings, deep nesting) and bytes
/// changed. Every case must end in a SpecException (errors with file and line) or a spec that keeps the reader's
/// promises, checked here without the reader: values from their vocabularies, at least 5 repetitions, distinct
/// configurations and labels, no label "null" unless the YAML quoted it, and a plan of the size its counts say.
/// </summary>
public sealed class SpecFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 20261204;
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-spec-fuzz-").FullName;

    private static readonly string[] Values =
    [
        "null", "~", "", "AWS", "Local", "-1", "0", "4", "1e9", "99999999999999999999", "[]", "{}", "[a, [b, [c]]]", "'null'",
        "&anchor x", "*anchor", "\t", "\"unterminated", "yes", "0x10", "1.5", "=cmd|' /C calc'!A0", new string('x', 5000),
        new string('[', 40) + new string(']', 40), "{ label: a, label: b }", "!!binary AAAA", "\u00e9\u0000",
    ];

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Damaged_specs_end_in_spec_errors_or_specs_that_keep_the_readers_promises()
    {
        var random = new Random(Seed);
        var shipped = Directory.GetFiles(Path.Combine(RepositoryPaths.Root(), "experiments"), "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllLines).ToList();
        var tally = new FuzzTally("specs");
        for (var number = 0; number < 300; number++)
        {
            var path = Path.Combine(_directory, $"case-{number}.yaml");
            File.WriteAllBytes(path, Damaged(shipped[random.Next(shipped.Count)], random));
            tally.Case(number, () => Check(path), e => e is SpecException);
        }

        tally.AssertAllClean(output.WriteLine);
    }

    private static byte[] Damaged(string[] spec, Random random)
    {
        var lines = spec.ToList();
        for (var m = 1 + random.Next(3); m > 0 && lines.Count > 1; m--)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(5))
            {
                case 0: lines.RemoveAt(at); break;
                case 1: lines.Insert(at, lines[random.Next(lines.Count)]); break;
                case 2: (lines[at], lines[^1]) = (lines[^1], lines[at]); break;
                case 3:
                    var colon = lines[at].IndexOf(": ", StringComparison.Ordinal);
                    lines[at] = colon < 0 ? lines[at] + Values[random.Next(Values.Length)] : lines[at][..(colon + 2)] + Values[random.Next(Values.Length)];
                    break;
                default:
                    var bytes = Encoding.UTF8.GetBytes(lines[at]);
                    if (bytes.Length > 0)
                    {
                        bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    }

                    lines[at] = Encoding.Latin1.GetString(bytes);
                    break;
            }
        }

        return Encoding.Latin1.GetBytes(string.Join('\n', lines) + "\n");
    }

    /// <summary>Null when the spec read keeps the promises; else the first broken one.</summary>
    private static string? Check(string path)
    {
        var spec = new ExperimentSpecReader().Read(path);
        var text = File.ReadAllText(path, Encoding.Latin1);
        string? Broken(bool holds, string what) => holds ? null : what;
        return Broken(Enum.IsDefined(spec.Target), $"target '{spec.Target}'")
            ?? Broken(Enum.IsDefined(spec.Workload) && Enum.IsDefined(spec.Channel) && (spec.Channel != Channel.Sqs || spec.Workload is Workload.Writer or Workload.Sleep), $"workload {spec.Workload} on {spec.Channel}")
            ?? Broken(spec.Configurations.Count > 0 && spec.Configurations.Distinct().Count() == spec.Configurations.Count, "configurations empty or repeated")
            ?? Broken(spec.Configurations.All(c => ExperimentSpecReader.Runtimes.Contains(c.Runtime) && ExperimentSpecReader.Architectures.Contains(c.Architecture) && c.MemoryMb is >= 128 and <= 10240), "a configuration outside the vocabularies")
            ?? Broken(spec.Batches.Count > 0 && spec.Batches.Select(b => b.Label).Distinct(StringComparer.Ordinal).Count() == spec.Batches.Count, "batches empty or labels repeated")
            ?? Broken(spec.Batches.All(b => b.Label.Length is > 0 and <= 64 && b.Label[0] is not ('=' or '+' or '-' or '@') && (b.Label != "null" || text.Contains("'null'", StringComparison.Ordinal))), "a label a spreadsheet would run, or YAML's null read as text")
            ?? Broken((spec.Load is null ? spec.Protocol.Repetitions >= 5 : spec.Protocol.Repetitions == 0 && spec.Protocol.ColdStarts == 0) && spec.Protocol.Rounds >= 1 && Enum.IsDefined(spec.Protocol.Order), "protocol outside its ranges")
            ?? Broken(spec.Load is null || (spec.Load.Duration > TimeSpan.Zero && spec.Load.MaxOutstanding >= 1 && (spec.Load.Open is null) != (spec.Load.Closed is null)), "a load without a duration, a cap, or with both loops")
            ?? Broken(RunPlanBuilder.InvocationCount(spec) <= RunPlanBuilder.DefaultMaxInvocations
                ? PlanSize(RunPlanBuilder.Build(spec, "fuzz", 1), spec) == RunPlanBuilder.InvocationCount(spec)
                : true, "a plan whose size is not what its counts say");
    }

    /// <summary>The built plan's size recounted: its invoke steps, and each load step's requests as the spec counts them.</summary>
    private static long PlanSize(Lambench.Runner.Plans.RunPlan plan, ExperimentSpec spec) =>
        plan.Invocations() + (plan.Steps.Count(s => s.Kind == Lambench.Runner.Plans.StepKind.Load) * (spec.Load?.CountedRequests ?? 0));
}
