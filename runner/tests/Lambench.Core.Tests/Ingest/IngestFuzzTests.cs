using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Lambench.Core.Ingest;
using Lambench.Core.Logs;
using Lambench.Tests.Shared;
using Xunit.Abstractions;

namespace Lambench.Core.Tests.Ingest;

/// <summary>
/// Ingest under damaged input: valid logs (text, JSON log format, gzip, a CLI JSON export, an Insights CSV) cut,
/// with bytes replaced, spans deleted or repeated, numbers blown up, invalid UTF-8 inserted. Every case must end in a
/// clean error (a LogFormatException naming the file) or a correct result: each row either equals the row of the
/// original line with its request id, or comes from a line that an independent strict reading of Lambda's REPORT
/// line (a regular expression written here from the documented format, not the parser under test) accepts with the
/// same values. A row that is neither is a wrong result. Seeded, so a failing case replays by its number.
/// </summary>
public sealed partial class IngestFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 20261204;
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-ingest-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private sealed record Line(string Id, double Duration, double Billed, int Memory, double Used, double? Init)
    {
        public string Text => string.Create(CultureInfo.InvariantCulture,
            $"REPORT RequestId: {Id}\tDuration: {Duration:F2} ms\tBilled Duration: {Billed} ms\tMemory Size: {Memory} MB\tMax Memory Used: {Used} MB\t{(Init is { } i ? $"Init Duration: {i:F2} ms\t" : string.Empty)}");

        public string Json
        {
            get
            {
                var metrics = string.Create(CultureInfo.InvariantCulture, $"\"durationMs\":{Duration:F2},\"billedDurationMs\":{Billed},\"memorySizeMB\":{Memory},\"maxMemoryUsedMB\":{Used}")
                    + (Init is { } i ? string.Create(CultureInfo.InvariantCulture, $",\"initDurationMs\":{i:F2}") : string.Empty);
                return "{\"time\":\"2024-06-01T12:00:00.000Z\",\"type\":\"platform.report\",\"record\":{\"requestId\":\"" + Id + "\",\"metrics\":{" + metrics + "},\"status\":\"success\"}}";
            }
        }
    }

    private static List<Line> Lines(Random random) => Enumerable.Range(0, 30).Select(_ =>
    {
        var duration = Math.Round(random.NextDouble() * 3000, 2);
        double? init = random.Next(4) == 0 ? Math.Round(random.NextDouble() * 500, 2) : null;
        var memory = new[] { 128, 512, 1024, 1769 }[random.Next(4)];
        var id = new byte[16];
        random.NextBytes(id);
        return new Line(new Guid(id).ToString(), duration, Math.Ceiling(duration), memory, random.Next(30, memory), init);
    }).ToList();

    private static string Body(List<Line> lines, Random random, bool json) => string.Concat(lines.Select(l =>
        (random.Next(3) == 0 ? $"START RequestId: {l.Id} Version: $LATEST\n" : string.Empty) + (json ? l.Json : l.Text) + "\n"));

    /// <summary>The independent reading: Lambda's canonical text line, and its documented limits.</summary>
    [GeneratedRegex(@"^REPORT RequestId: (?<id>[A-Za-z0-9][A-Za-z0-9._:-]*)\tDuration: (?<d>\d+(?:\.\d+)?) ms\tBilled Duration: (?<b>\d+) ms\tMemory Size: (?<m>\d+) MB\tMax Memory Used: (?<u>\d+) MB\t(?:Init Duration: (?<i>\d+(?:\.\d+)?) ms\t)?$")]
    private static partial Regex Canonical();

    private static Line? Reference(string line)
    {
        var match = Canonical().Match(line);
        if (!match.Success)
        {
            return null;
        }

        double Number(string group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        var parsed = new Line(match.Groups["id"].Value, Number("d"), Number("b"), (int)Math.Min(int.MaxValue, Number("m")), Number("u"), match.Groups["i"].Success ? Number("i") : null);
        var valid = parsed.Memory is >= 128 and <= 10240 && parsed.Billed >= Math.Ceiling(parsed.Duration) && parsed.Used <= Math.Ceiling(parsed.Memory * 1.048576);
        return valid ? parsed : null;
    }

    [Fact]
    public void Damaged_logs_end_in_a_clean_error_or_a_correct_result()
    {
        var random = new Random(Seed);
        var tally = new FuzzTally("ingest");
        for (var number = 0; number < 300; number++)
        {
            var lines = Lines(random);
            var (path, bytes) = Damaged(number, lines, random);
            tally.Case(number, () => Check(path, bytes, lines), e => e is LogFormatException);
        }

        tally.AssertAllClean(output.WriteLine);
    }

    /// <summary>A damaged file of one of five formats; the bytes as decompressed where they can be, for the reference reading.</summary>
    private (string Path, byte[] Text) Damaged(int number, List<Line> lines, Random random)
    {
        var format = number % 5;
        var text = format switch
        {
            1 => Body(lines, random, json: true),
            3 => "{\"events\":[" + string.Join(',', lines.Select((l, i) => $"{{\"timestamp\":{1717243200000 + i},\"message\":{System.Text.Json.JsonSerializer.Serialize(l.Text + "\n")}}}")) + "]}",
            4 => "@timestamp,@message\n" + string.Concat(lines.Select(l => $"\"2024-06-01 12:00:00.000\",\"{l.Text}\"\n")),
            _ => Body(lines, random, json: false),
        };
        var bytes = Encoding.UTF8.GetBytes(random.Next(4) == 0 ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text);
        var gzip = format == 2;
        var mutated = Mutate(gzip ? Compress(bytes) : bytes, random);
        var path = Path.Combine(_directory, $"case-{number}{(gzip ? ".log.gz" : format == 3 ? ".json" : format == 4 ? ".csv" : ".log")}");
        File.WriteAllBytes(path, mutated);
        return (path, gzip ? Decompress(mutated) : mutated);
    }

    private static byte[] Mutate(byte[] bytes, Random random)
    {
        var list = bytes.ToList();
        for (var m = 1 + random.Next(3); m > 0 && list.Count > 1; m--)
        {
            var at = random.Next(list.Count);
            switch (random.Next(7))
            {
                case 0: list.RemoveRange(at, list.Count - at); break; // cut short
                case 1: list[at] = "\0\xff x\n\t:9.-"u8.ToArray()[random.Next(11)]; break;
                case 2: list.RemoveRange(at, Math.Min(random.Next(1, 20), list.Count - at)); break;
                case 3: list.InsertRange(at, list.GetRange(at, Math.Min(random.Next(1, 40), list.Count - at))); break;
                case 4: list.InsertRange(at, "99999999999999999999"u8.ToArray()); break;
                case 5: list.InsertRange(at, new byte[] { 0xC3, 0x28, 0xE2, 0x82 }); break; // invalid UTF-8
                default: list.InsertRange(at, "\tDuration: 1.00 ms"u8.ToArray()); break; // a field twice
            }
        }

        return list.ToArray();
    }

    /// <summary>Null when every row is right; else the first wrong row.</summary>
    private static string? Check(string path, byte[] decompressed, List<Line> originals)
    {
        var ingestor = new LogIngestor(new IngestOptions());
        ingestor.AddFile(path);
        var result = ingestor.Complete();
        var byId = originals.ToDictionary(l => l.Id);
        var text = Encoding.UTF8.GetString(decompressed).Replace("\\t", "\t", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal);
        var referenced = text.Split(['\n', '\r', '"'], StringSplitOptions.RemoveEmptyEntries).Select(Reference).OfType<Line>().ToList();
        foreach (var row in result.Invocations)
        {
            var got = new Line(row.RequestId, row.DurationMs, row.BilledDurationMs ?? -1, row.MemorySizeMb ?? -1, row.MaxMemoryUsedMb ?? -1, row.InitDurationMs);
            if (byId.TryGetValue(row.RequestId, out var original) && original == got)
            {
                continue;
            }

            if (!referenced.Contains(got) && !JsonEqual(text, got))
            {
                return $"{Path.GetFileName(path)}: row {got} is neither its original line nor a valid REPORT line of the input";
            }
        }

        return null;
    }

    /// <summary>For the JSON log format: the row equals a platform.report object of the input, read with System.Text.Json.</summary>
    private static bool JsonEqual(string text, Line got) => text.Split('\n').Any(line =>
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(line);
            var record = document.RootElement.GetProperty("record");
            var metrics = record.GetProperty("metrics");
            double Number(string name) => metrics.GetProperty(name).GetDouble();
            var init = metrics.TryGetProperty("initDurationMs", out var i) ? i.GetDouble() : (double?)null;
            return record.GetProperty("requestId").GetString() == got.Id
                && new Line(got.Id, Number("durationMs"), Number("billedDurationMs"), (int)Number("memorySizeMB"), Number("maxMemoryUsedMB"), init) == got;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return false;
        }
    });

    private static byte[] Compress(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }

    /// <summary>What a lenient reader gets out of damaged gzip (as much as it can), for the reference reading only.</summary>
    private static byte[] Decompress(byte[] bytes)
    {
        using var output = new MemoryStream();
        try
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            gzip.CopyTo(output);
        }
        catch (InvalidDataException)
        {
        }

        return output.ToArray();
    }
}
