using Lambench.Core.Ingest;

namespace Lambench.Core.Tests.Ingest;

public class LogIngestorTests
{
    [Fact]
    public void Merges_the_same_request_id_across_files_and_counts_conflicts()
    {
        var ingestor = new LogIngestor(new IngestOptions { Configuration = "c", Architecture = "arm64", Runtime = "python3.12" });
        ingestor.AddFile(Fixture.Path("overlap-a.log"));
        ingestor.AddFile(Fixture.Path("overlap-b.log"));
        var result = ingestor.Complete();
        Assert.Equal(3, result.Invocations.Count);
        Assert.Equal((5L, 1L, 1L), (result.Summary.ReportLines, result.Summary.DuplicatesMerged, result.Summary.ConflictingDuplicates));
        Assert.Equal(10.0, result.Invocations.Single(i => i.RequestId.EndsWith('1')).DurationMs); // the first is kept
        Assert.Contains("99 ms", Assert.Single(result.Conflicts).ToString());
        Assert.All(result.Invocations, i => Assert.Equal(("c", "arm64", "python3.12", "aws"), (i.Configuration, i.Architecture, i.Runtime, i.Platform)));
    }

    [Fact]
    public void Configuration_defaults_to_the_file_name_without_log_extensions()
    {
        Assert.Equal("tcc-go", LogIngestor.ConfigurationFromFileName("/x/tcc-go.log.gz"));
        Assert.Equal("export.2024", LogIngestor.ConfigurationFromFileName("export.2024.csv"));
        Assert.Equal("plain", LogIngestor.ConfigurationFromFileName("plain"));
    }

    [Fact]
    public void The_one_line_summary_counts_everything()
    {
        var ingestor = new LogIngestor(new IngestOptions());
        ingestor.AddFile(Fixture.Path("raw-cli-tail.log"));
        var line = ingestor.Complete().Summary.ToOneLine();
        Assert.Equal("2 invocations from 2 REPORT lines in 1 file(s); 0 unreadable REPORT lines rejected; 7 other lines skipped; 0 duplicates merged; 0 conflicting duplicates (first kept); 0 INIT_REPORT lines (no request id, not rows); 1 tag lines (0 without a REPORT line)", line);
    }
}
