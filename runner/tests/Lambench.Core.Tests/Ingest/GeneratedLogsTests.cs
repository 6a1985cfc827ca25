using System.Globalization;
using System.Text;
using System.Text.Json;
using Lambench.Core.Ingest;
using Lambench.Core.Records;

namespace Lambench.Core.Tests.Ingest;

/// <summary>
/// Generated REPORT lines over the whole grammar, rendered in every input form Lambench reads (raw text with each prefix
/// style, the JSON log format, filter-log-events JSON with the trailer inside the event's message, a Logs Insights CSV
/// export), must ingest to exactly the generated values. The expected values are the drawn strings parsed by .NET's own
/// double.Parse, independent of the parser under test.
/// </summary>
public sealed class GeneratedLogsTests : IDisposable
{
    private const int Lines = 300;
    private readonly string directory = Directory.CreateTempSubdirectory("lambench-generated-").FullName;
    private readonly List<GeneratedReportLine> lines;
    private readonly DateTimeOffset start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public GeneratedLogsTests()
    {
        var random = new Random(20261123);
        lines = Enumerable.Range(0, Lines).Select(_ => GeneratedReportLine.Draw(random)).ToList();
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private DateTimeOffset Time(int i) => start.AddMilliseconds(i * 1000);

    [Theory]
    [InlineData("bare")]
    [InlineData("timestamp")]
    [InlineData("aws-logs-tail")]
    public void Raw_text_with_each_prefix_style(string prefix)
    {
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var head = prefix switch
            {
                "timestamp" => $"{Time(i):yyyy-MM-ddTHH:mm:ss.fffZ} ",
                "aws-logs-tail" => $"{Time(i):yyyy-MM-ddTHH:mm:ss.ffffff}+00:00 2026/11/23/[$LATEST]0a1b2c3d4e5f ",
                _ => string.Empty,
            };
            text.Append(head).Append("START RequestId: ").Append(lines[i].RequestId).Append(" Version: $LATEST\n");
            text.Append(head).Append("[INFO] an application line that mentions REPORT RequestId: not-a-report in passing\n");
            text.Append(head).Append(lines[i].Text().Replace("\n", "\n" + head, StringComparison.Ordinal)).Append('\n');
        }

        AssertIngestsExactly(Write("raw.log", text.ToString()));
    }

    [Fact]
    public void Json_log_format()
    {
        var text = string.Join('\n', lines.Select((line, i) => line.Json(Time(i)))) + "\n";
        AssertIngestsExactly(Write("json-format.log", text));
    }

    [Fact]
    public void Filter_log_events_json_with_the_trailer_inside_the_message()
    {
        var events = lines.Select((line, i) => new { timestamp = Time(i).ToUnixTimeMilliseconds(), message = line.Text() + "\n", logStreamName = "2026/11/23/[$LATEST]abc", eventId = i.ToString(CultureInfo.InvariantCulture) });
        AssertIngestsExactly(Write("events.json", JsonSerializer.Serialize(new { events })));
    }

    [Fact]
    public void Logs_insights_csv_export()
    {
        var csv = new StringBuilder("\"@timestamp\",\"@message\",\"@logStream\",\"@log\"\n");
        for (var i = 0; i < lines.Count; i++)
        {
            var message = lines[i].Text().Replace("\"", "\"\"", StringComparison.Ordinal);
            csv.Append(CultureInfo.InvariantCulture, $"\"{Time(i):yyyy-MM-dd HH:mm:ss.fff}\",\"{message}\",\"2026/11/23/[$LATEST]abc\",\"123456789012:/aws/lambda/generated\"\n");
        }

        AssertIngestsExactly(Write("insights.csv", csv.ToString()));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private void AssertIngestsExactly(string path)
    {
        var ingestor = new LogIngestor(new IngestOptions { Strict = true });
        ingestor.AddFile(path);
        var result = ingestor.Complete();
        Assert.Empty(result.Rejected);
        var rows = result.Invocations.ToDictionary(r => r.RequestId);
        Assert.Equal(lines.Count, rows.Count);
        foreach (var line in lines)
        {
            var row = rows[line.RequestId];
            var expected = (line.DurationMs, (double?)line.Billed, (int?)line.Memory, (double?)line.MaxMemory, line.InitMs, line.RestoreMs, (double?)line.BilledRestore, line.Status, line.ErrorType);
            var actual = (row.DurationMs, row.BilledDurationMs, row.MemorySizeMb, row.MaxMemoryUsedMb, row.InitDurationMs, row.RestoreDurationMs, row.BilledRestoreDurationMs, row.Status, row.ErrorType);
            Assert.True(expected == actual, $"{line.Text()}\nexpected {expected}\nactual   {actual}");
            Assert.Equal(line.InitMs is not null || line.RestoreMs is not null ? StartType.Cold : StartType.Warm, row.StartType);
        }
    }
}
