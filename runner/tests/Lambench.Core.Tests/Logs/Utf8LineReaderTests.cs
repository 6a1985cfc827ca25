using System.IO.Compression;
using System.Text;
using Lambench.Core.Logs;

namespace Lambench.Core.Tests.Logs;

/// <summary>
/// The byte-level line reader against .NET's StreamReader.ReadLine (an independent implementation of the same line
/// rules: LF, CR and CRLF end a line, a final line needs no break): the same lines, in the same order, over text that
/// crosses the reader's 1 MB buffer many times, with a CR as a buffer's last byte, lines longer than the buffer,
/// non-ASCII text, a UTF-8 BOM and gzip.
/// </summary>
public sealed class Utf8LineReaderTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("lambench-lines-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Reads_the_lines_StreamReader_reads(bool bom, bool gzip)
    {
        var text = Text(new Random(bom ? 1 : gzip ? 2 : 3));
        var path = Path.Combine(directory, "lines.log");
        var bytes = new UTF8Encoding(bom).GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        if (gzip)
        {
            using var file = File.Create(path);
            using var compressed = new GZipStream(file, CompressionLevel.Fastest);
            compressed.Write(bytes);
        }
        else
        {
            File.WriteAllBytes(path, bytes);
        }

        var expected = new List<string>();
        using (var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            while (reader.ReadLine() is { } line)
            {
                expected.Add(line);
            }
        }

        var actual = new List<string>();
        using (var lines = Utf8LineReader.TryOpen(path)!)
        {
            while (lines.TryReadLine(out var line))
            {
                actual.Add(line.ToString());
            }
        }

        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Leaves_utf16_files_to_the_text_readers()
    {
        var path = Path.Combine(directory, "utf16.log");
        File.WriteAllText(path, "REPORT RequestId: x\n", Encoding.Unicode);
        Assert.Null(Utf8LineReader.TryOpen(path));
    }

    /// <summary>About 3 MB: short and empty lines, every line break, accents, a 1.5 MB line, and a CR placed as the first buffer's last byte.</summary>
    private static string Text(Random random)
    {
        var text = new StringBuilder();
        string[] breaks = ["\n", "\r\n", "\r"];
        while (text.Length < (1 << 20) - 1)
        {
            text.Append(random.Next(4) == 0 ? string.Empty : "REPORT RequestId: ação " + random.Next()).Append(breaks[random.Next(3)]);
        }

        text.Length = (1 << 20) - 1;
        text.Append('\r').Append('\n').Append('x', 1_500_000).Append('\n');
        while (text.Length < 3 << 20)
        {
            text.Append("línea ").Append(random.Next()).Append(breaks[random.Next(3)]);
        }

        return text.Append("last line without a break").ToString();
    }
}
