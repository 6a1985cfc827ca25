using System.IO.Compression;
using System.Text;
using Lambench.Core.Ingest;
using Lambench.Core.Logs;

namespace Lambench.Core.Tests.Ingest;

/// <summary>
/// Ingest keeps only what Lambda can have written: a line cut short, a damaged gzip or impossible values are
/// rejected with file, line and reason, never turned into a row. The expected values are written out by hand from
/// the lines; the published lines of Fixtures/published (real logs) must all still pass (PublishedLogsTests).
/// </summary>
public sealed class WhatLambdaWritesTests : IDisposable
{
    private const string Whole = "REPORT RequestId: 3f1c2a5e-2222-4a2b-9c3d-0123456789ab\tDuration: 123.45 ms\tBilled Duration: 124 ms\tMemory Size: 1024 MB\tMax Memory Used: 66 MB\tInit Duration: 130.49 ms\t";
    private const string First = "REPORT RequestId: 3f1c2a5e-1111-4a2b-9c3d-0123456789ab\tDuration: 8.40 ms\tBilled Duration: 9 ms\tMemory Size: 1024 MB\tMax Memory Used: 66 MB\t";
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-lambda-writes-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static IngestResult Ingest(string path, IngestOptions? options = null)
    {
        var ingestor = new LogIngestor(options ?? new IngestOptions());
        ingestor.AddFile(path);
        return ingestor.Complete();
    }

    /// <summary>The four cuts of the fault trial, and one inside the last number: each would have made a wrong row.</summary>
    [Theory]
    [InlineData("Memory Size: 10")] // read as Memory Size 10 instead of 1024
    [InlineData("Duration: 12")] // Duration 12 instead of 123.45
    [InlineData("Billed Duration: 12")] // Billed 12 instead of 124
    [InlineData("Max Memory Used: 66 MB")] // a cold start read as warm: its Init Duration cut off
    [InlineData("Max Memory Used: 66 MB\t")] // the same at the tab: the line looks whole (found by an independent trial)
    [InlineData("Init Duration: 130.4")]
    public void A_last_line_cut_short_is_rejected_with_its_line_and_the_first_is_kept(string cutAfter)
    {
        var cut = Whole[..(Whole.IndexOf(cutAfter, StringComparison.Ordinal) + cutAfter.Length)];
        var result = Ingest(Write("cut.log", First + "\n" + cut));

        Assert.Equal(["3f1c2a5e-1111-4a2b-9c3d-0123456789ab"], result.Invocations.Select(i => i.RequestId));
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal("line 2", rejected.Where);
        Assert.Contains("the file ends with this REPORT line and no line break", rejected.Reason);
    }

    /// <summary>Found by the fuzz test: a line break in place of the tab before Init Duration left a whole-looking warm start.</summary>
    [Fact]
    public void A_report_line_that_goes_on_in_the_next_line_is_rejected_not_read_as_a_warm_start()
    {
        var split = Whole.Replace("66 MB\tInit", "66 MB\nInit", StringComparison.Ordinal);
        var result = Ingest(Write("split.log", First + "\n" + split + "\n"));
        Assert.Equal(["3f1c2a5e-1111-4a2b-9c3d-0123456789ab"], result.Invocations.Select(i => i.RequestId));
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal("line 2", rejected.Where);
        Assert.Contains("goes on in the next line", rejected.Reason);
    }

    /// <summary>A whole last line without its line break cannot be told from one cut at a tab: it is rejected, saying what to do; one that ends with its X-Ray trailer is whole.</summary>
    [Fact]
    public void A_last_line_without_its_line_break_is_kept_only_when_its_xray_trailer_ends_it()
    {
        var result = Ingest(Write("whole.log", First + "\n" + Whole));
        Assert.Equal((1, 1), (result.Invocations.Count, result.Rejected.Count));
        Assert.Contains("add a line break after it if it is whole", result.Rejected[0].Reason);

        var traced = Ingest(Write("traced.log", First + "\n" + Whole + "XRAY TraceId: 1-5d9d007f-0a8e6c8b9b6a0f3d1c7b9f44\tSegmentId: 3d7e6cf16d8fb4a5\tSampled: true"));
        Assert.Equal((2, 0), (traced.Invocations.Count, traced.Rejected.Count));
        Assert.Equal((123.45, 124.0, 1024, 130.49), (traced.Invocations[1].DurationMs, traced.Invocations[1].BilledDurationMs!.Value, traced.Invocations[1].MemorySizeMb!.Value, traced.Invocations[1].InitDurationMs!.Value));
    }

    [Theory]
    [InlineData("Memory Size: 0 MB", "Memory Size 0 MB is not one Lambda allows")]
    [InlineData("Memory Size: 99999999999999999999 MB", "Memory Size 1.000E+020 MB is not one Lambda allows")] // an overflow before
    [InlineData("Memory Size: 127 MB", "Memory Size 127 MB")]
    [InlineData("Memory Size: 10241 MB", "Memory Size 10241 MB")]
    [InlineData("Memory Size: 512.5 MB", "cannot read 'Memory Size: 512.5 MB'")]
    [InlineData("Billed Duration: 12 ms", "Billed Duration 12 ms is below Duration rounded up (124 ms)")]
    [InlineData("Billed Duration: 124.5 ms", "cannot read 'Billed Duration: 124.5 ms'")] // Lambda writes it without a point
    [InlineData("Max Memory Used: 1075 MB", "Max Memory Used 1075 MB is above Memory Size 1024 MB")] // 1024 × 1.048576 = 1073.7, so 1074 is the most
    public void Values_lambda_cannot_write_are_rejected_with_the_reason(string field, string reason)
    {
        var label = field[..field.IndexOf(':', StringComparison.Ordinal)];
        var line = string.Join('\t', Whole.Split('\t').Select(f => f.StartsWith(label + ":", StringComparison.Ordinal) ? field : f));
        var result = Ingest(Write("bad.log", line + "\n"));

        Assert.Empty(result.Invocations);
        Assert.Contains(reason, Assert.Single(result.Rejected).Reason);
    }

    [Fact]
    public void The_largest_max_memory_the_mib_margin_allows_is_kept()
    {
        var line = Whole.Replace("Max Memory Used: 66 MB", "Max Memory Used: 1074 MB", StringComparison.Ordinal);
        Assert.Single(Ingest(Write("edge.log", line + "\n")).Invocations);
    }

    [Fact]
    public void A_field_given_twice_is_rejected_and_the_strict_ingest_names_file_and_line()
    {
        var path = Write("twice.log", First + "\n" + Whole + "Duration: 1.00 ms\t\n");
        Assert.Contains("'Duration' appears twice", Assert.Single(Ingest(path).Rejected).Reason);
        var error = Assert.Throws<LogFormatException>(() => Ingest(path, new IngestOptions { Strict = true }));
        Assert.Equal((path, "line 2"), (error.Path, error.Where));
    }

    /// <summary>Go on provided.al2023 bills its INIT phase: 123.45 + 130.49 = 253.94 ms, so at least 254 less the 1 ms of print rounding.</summary>
    [Fact]
    public void Where_the_init_phase_is_billed_billed_duration_covers_it()
    {
        var path = Write("go.log", Whole + "\n");
        Assert.Contains("below Duration + Init Duration", Assert.Single(Ingest(path, new IngestOptions { Runtime = "provided.al2023" }).Rejected).Reason);
        Assert.Single(Ingest(path, new IngestOptions { Runtime = "python3.12" }).Invocations); // undated: the older rule may apply
        var billed = Write("go-billed.log", Whole.Replace("Billed Duration: 124 ms", "Billed Duration: 253 ms", StringComparison.Ordinal) + "\n");
        Assert.Single(Ingest(billed, new IngestOptions { Runtime = "provided.al2023" }).Invocations);
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("+1-2")]
    [InlineData("@SUM(1)")]
    [InlineData("-x")]
    public void A_request_id_a_spreadsheet_would_run_is_rejected(string id)
    {
        var result = Ingest(Write("ids.log", First.Replace("3f1c2a5e-1111-4a2b-9c3d-0123456789ab", id, StringComparison.Ordinal) + "\n"));
        Assert.Empty(result.Invocations);
        Assert.Contains("is not one Lambda writes", Assert.Single(result.Rejected).Reason);
    }

    [Fact]
    public void A_truncated_gzip_is_an_error_naming_the_file_not_half_an_ingest()
    {
        var text = string.Concat(Enumerable.Range(0, 20_000).Select(i => First.Replace("1111", (1000 + i % 9000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("-0123456789ab", $"-{i:D12}", StringComparison.Ordinal) + "\n"));
        var whole = Path.Combine(_directory, "whole.log.gz");
        using (var gzip = new GZipStream(File.Create(whole), CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        Assert.Equal(20_000, Ingest(whole).Invocations.Count);
        var bytes = File.ReadAllBytes(whole);
        var truncated = Path.Combine(_directory, "truncated.log.gz");
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        var error = Assert.Throws<LogFormatException>(() => Ingest(truncated));
        Assert.Equal(truncated, error.Path);
        Assert.Contains("damaged or cut short", error.Reason);
        Assert.StartsWith("gzip data after line", error.Where);

        var corrupt = Path.Combine(_directory, "corrupt.log.gz");
        bytes[^6] ^= 0xFF; // the CRC-32 in the trailer
        File.WriteAllBytes(corrupt, bytes);
        Assert.Contains("damaged or cut short (GZIP crc sum mismatch", Assert.Throws<LogFormatException>(() => Ingest(corrupt)).Reason);
    }

    [Fact]
    public void A_line_longer_than_any_log_event_is_an_error_that_quotes_no_more_than_200_characters()
    {
        var path = Path.Combine(_directory, "long.log");
        File.WriteAllText(path, First + "\nREPORT RequestId: x\tDuration: " + new string('9', LogInputStream.MaxLineBytes + 10) + "\n");
        var error = Assert.Throws<LogFormatException>(() => Ingest(path));
        Assert.Equal("line 2", error.Where);
        Assert.Contains("longer than 8 MiB", error.Reason);
        Assert.True(error.Message.Length < 400, error.Message.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_gzip_that_expands_like_a_bomb_stops_with_a_message()
    {
        var path = Path.Combine(_directory, "bomb.log.gz");
        var line = Encoding.ASCII.GetBytes(new string('a', 4095) + "\n");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Optimal))
        {
            for (var i = 0; i < (80 << 20) / line.Length; i++)
            {
                gzip.Write(line);
            }
        }

        var error = Assert.Throws<LogFormatException>(() => Ingest(path));
        Assert.Contains("expands over 200 times its size", error.Reason);
    }

    [Fact]
    public void A_json_export_with_invalid_utf8_is_an_error_naming_the_event()
    {
        var path = Path.Combine(_directory, "events.json");
        var json = Encoding.UTF8.GetBytes("{\"events\":[{\"timestamp\":1,\"message\":\"" + First.Replace("\t", "\\t", StringComparison.Ordinal) + "\"},{\"timestamp\":2,\"message\":\"REPORT RequestId: \u00ff\"}]}");
        var at = Array.IndexOf(json, (byte)0xC3);
        json[at] = 0xFF; // invalid UTF-8 where ÿ began
        File.WriteAllBytes(path, json);
        var error = Assert.Throws<LogFormatException>(() => Ingest(path));
        Assert.Equal("events[1]", error.Where);
        Assert.Contains("not valid UTF-8", error.Reason);
    }

    [Fact]
    public void An_insights_export_of_parsed_fields_must_have_init_duration_or_every_cold_start_would_read_warm()
    {
        var path = Write("fields.csv", "@requestId,@duration,@billedDuration,@memorySize,@maxMemoryUsed\nab-1,1.5,2,128000000,50000000\n");
        var error = Assert.Throws<LogFormatException>(() => Ingest(path));
        Assert.Contains("@initDuration is missing", error.Reason);
    }

    [Fact]
    public void A_csv_export_cut_inside_its_last_row_loses_that_row_only_and_says_so()
    {
        const string Header = "@timestamp,@message\n";
        var row = "\"2024-06-01 12:00:00.000\",\"" + First + "\"";
        var cut = Write("cut.csv", Header + row + "\n" + "\"2024-06-01 12:00:01.000\",\"" + Whole[..40] + "\"\n\"2024-06-01 12:00:02.000\",REPORT RequestId: ab-2\tDuration: 1");
        var result = Ingest(cut);
        Assert.Single(result.Invocations);
        Assert.Equal(2, result.Rejected.Count);
        Assert.Contains("the file ends inside this CSV row", result.Rejected[^1].Reason);

        var quoted = Write("quoted.csv", Header + row); // ends with its closing quote: whole, though without a line break
        Assert.Single(Ingest(quoted).Invocations);
    }
}
