using System.Text.Json;
using Lambench.Core.Ingest;
using Lambench.Core.Logs;

namespace Lambench.Core.Tests.Ingest;

/// <summary>
/// REPORT lines that others published (issues, repositories, AWS's documentation; see Fixtures/published/PROVENANCE.md),
/// kept as published in their own forms. The expected values in expected.jsonl were written by hand from the lines,
/// not by this parser; every line must come back exactly.
/// </summary>
public sealed class PublishedLogsTests
{
    private sealed record Expected(
        string File, string RequestId, double DurationMs, double? BilledDurationMs, int? MemorySizeMb, double? MaxMemoryUsedMb,
        double? InitDurationMs, double? RestoreDurationMs, double? BilledRestoreDurationMs, string Status, string? ErrorType);

    private static readonly JsonSerializerOptions Snake = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static List<Expected> All() => File.ReadAllLines(Fixture.Path("published/expected.jsonl"))
        .Where(l => l.Trim().Length > 0)
        .Select(l => JsonSerializer.Deserialize<Expected>(l, Snake)!)
        .ToList();

    public static TheoryData<string> Files() => new(All().Select(e => e.File).Distinct());

    [Fact]
    public void There_are_at_least_30_published_report_lines() => Assert.True(All().Count >= 30);

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_published_line_parses_exactly(string file)
    {
        var ingestor = new LogIngestor(new IngestOptions { Strict = true });
        ingestor.AddFile(Fixture.Path("published/" + file));
        var result = ingestor.Complete();
        var rows = result.Invocations.ToDictionary(r => r.RequestId);
        var expected = All().Where(e => e.File == file).ToList();
        Assert.Equal(expected.Select(e => e.RequestId).Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var e in expected)
        {
            var row = rows[e.RequestId];
            var want = (e.DurationMs, e.BilledDurationMs, e.MemorySizeMb, e.MaxMemoryUsedMb, e.InitDurationMs, e.RestoreDurationMs, e.BilledRestoreDurationMs, e.Status, e.ErrorType);
            var got = (row.DurationMs, row.BilledDurationMs, row.MemorySizeMb, row.MaxMemoryUsedMb, row.InitDurationMs, row.RestoreDurationMs, row.BilledRestoreDurationMs, row.Status, row.ErrorType);
            Assert.True(want == got, $"{file} {e.RequestId}\nexpected {want}\nactual   {got}");
        }
    }

    [Fact]
    public void Lines_that_only_mention_report_are_not_report_lines()
    {
        var ingestor = new LogIngestor(new IngestOptions { Strict = true });
        var error = Assert.Throws<LogFormatException>(() => ingestor.AddFile(Fixture.Path("published/not-report-lines.log")));
        Assert.Contains("no Lambda log lines found", error.Reason);
    }
}
