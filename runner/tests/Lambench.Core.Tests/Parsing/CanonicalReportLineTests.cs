using Lambench.Core.Parsing;
using Lambench.Core.Tests.Ingest;

namespace Lambench.Core.Tests.Parsing;

/// <summary>
/// The positional reading of Lambda's commonest layout, checked against the values each random line was drawn with
/// (not against the general reader): it must read exactly the lines in that layout, and refuse every other one so
/// the general reader gets it.
/// </summary>
public sealed class CanonicalReportLineTests
{
    private const string Prefix = "REPORT RequestId:";

    [Fact]
    public void Reads_exactly_the_lines_in_lambdas_own_layout_and_refuses_the_rest()
    {
        var random = new Random(20261123);
        int read = 0, refused = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var drawn = GeneratedReportLine.Draw(random);
            var text = drawn.Text();
            // The fields the line holds (0-3 always, 4 Init when drawn) in Lambda's order, whatever order the absent ones were drawn in.
            var present = drawn.Order.Where(f => f < 4 || (f == 4 && drawn.Init is not null)).ToArray();
            var canonical = drawn.Separator == "\t" && present.SequenceEqual(present.Order()) && drawn.Restore is null
                && drawn.Status == "success" && drawn.Trailer == XrayTrailer.None;
            var accepted = CanonicalReportLine.TryRead(text.AsSpan(Prefix.Length), out var metrics, out var id);
            Assert.True(canonical == accepted, $"{(canonical ? "refused" : "accepted")}: {text}");
            if (!accepted)
            {
                refused++;
                continue;
            }

            read++;
            Assert.Equal(drawn.RequestId, id.ToString());
            Assert.Equal((drawn.DurationMs, (double)drawn.Billed, drawn.Memory, (double)drawn.MaxMemory, drawn.InitMs), (metrics.DurationMs, metrics.BilledDurationMs!.Value, metrics.MemorySizeMb!.Value, metrics.MaxMemoryUsedMb!.Value, metrics.InitDurationMs));
            Assert.Equal(("success", null, null, null), (metrics.Status, metrics.RestoreDurationMs, metrics.BilledRestoreDurationMs, metrics.ErrorType));
        }

        Assert.True(read > 500 && refused > 500, $"{read} read, {refused} refused: both kinds of line must be drawn");
    }

    [Theory]
    [InlineData("REPORT RequestId: a b\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB")]
    [InlineData("REPORT RequestId: a\tDuration: 1.00  ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB")]
    [InlineData("REPORT RequestId: a\tDuration: -1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB")]
    [InlineData("REPORT RequestId: a\tDuration: 1e3 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB")]
    [InlineData("REPORT RequestId: a\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\tDuration: 2.00 ms")]
    [InlineData("REPORT RequestId: a\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\nXRAY TraceId: 1-2-3")]
    [InlineData("REPORT RequestId: a\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 99999999999 MB\tMax Memory Used: 60 MB")]
    [InlineData("REPORT RequestId: \tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB")]
    public void Leaves_near_misses_to_the_general_reader(string line) =>
        Assert.False(CanonicalReportLine.TryRead(line.AsSpan(Prefix.Length), out _, out _));
}
