using System.Text;
using Lambench.Core.Ingest;

namespace Lambench.Core.Tests.Ingest;

/// <summary>
/// Plain UTF-8 logs are read a line at a time from a byte buffer; the same text saved as UTF-16 goes through the
/// general text reader (StreamReader, one string a line) instead. Both must give the same rows, rejected lines and
/// counts, field by field, on every published fixture: the fast path changes how lines are read, never what they say.
/// </summary>
public sealed class PlainTextPathTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("lambench-paths-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    public static TheoryData<string> PlainTextFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Fixture.Path("published")).Concat(Directory.GetFiles(Fixture.Path(".")))
                     .Where(f => f.EndsWith(".log", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal))
                     .Where(f => File.ReadLines(f).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)) is { } first && first.TrimStart() is var t && !t.StartsWith('{') && !t.StartsWith('['))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Fixture.Path("."), file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PlainTextFixtures))]
    public void The_byte_path_reads_what_the_text_path_reads(string fixture)
    {
        var text = File.ReadAllText(Fixture.Path(fixture));
        var utf8 = Path.Combine(directory, "utf8", Path.GetFileName(fixture));
        var utf16 = Path.Combine(directory, "utf16", Path.GetFileName(fixture));
        Directory.CreateDirectory(Path.GetDirectoryName(utf8)!);
        Directory.CreateDirectory(Path.GetDirectoryName(utf16)!);
        File.WriteAllText(utf8, text, new UTF8Encoding(false));
        File.WriteAllText(utf16, text, Encoding.Unicode);

        var (fast, fastError) = Ingest(utf8);
        var (general, generalError) = Ingest(utf16);
        Assert.Equal(generalError, fastError);
        if (fast is null || general is null)
        {
            return;
        }

        Assert.Equal(general.Invocations, fast.Invocations);
        Assert.Equal(general.Summary, fast.Summary);
        Assert.Equal(general.Rejected.Select(r => (r.Where, r.Reason, r.Text)), fast.Rejected.Select(r => (r.Where, r.Reason, r.Text)));
    }

    private static (IngestResult? Result, string? Error) Ingest(string path)
    {
        try
        {
            var ingestor = new LogIngestor(new IngestOptions());
            ingestor.AddFile(path);
            return (ingestor.Complete(), null);
        }
        catch (Lambench.Core.Logs.LogFormatException e)
        {
            return (null, e.Message.Replace(path, "<file>", StringComparison.Ordinal));
        }
    }
}
