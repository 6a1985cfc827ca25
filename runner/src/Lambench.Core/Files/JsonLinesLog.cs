namespace Lambench.Core.Files;

/// <summary>
/// An append-only file of one JSON document a line (the run journal, the local platform's kept logs). Opening reads
/// every complete line back; a last line without its newline is what a kill in mid-write leaves, and is cut off
/// before appending goes on. Any other line that does not parse is an error naming the file and line.
/// </summary>
public static class JsonLinesLog
{
    /// <summary>Reads the lines of <paramref name="path"/> (if it exists) into <paramref name="read"/>, then opens it for appending.</summary>
    /// <param name="read">parses one line (1-based number given); throws <see cref="FormatException"/> for a line it cannot use.</param>
    /// <param name="what">what a line is, for the error: "journal entry", "stored log event".</param>
    /// <exception cref="InvalidDataException">"path: line N: not a …" for a damaged line other than a cut-short last one.</exception>
    /// <param name="damaged">when given, a damaged line (other than a cut-short last one) is passed here with its number, why and its bytes, and skipped instead of being an error.</param>
    public static FileStream Open(string path, string what, Action<ReadOnlyMemory<byte>, int> read, Action<int, string, ReadOnlyMemory<byte>>? damaged = null)
    {
        long keep = 0;
        if (File.Exists(path))
        {
            var bytes = File.ReadAllBytes(path);
            var start = 0;
            var line = 0;
            while (start < bytes.Length)
            {
                line++;
                var end = Array.IndexOf(bytes, (byte)'\n', start);
                if (end < 0)
                {
                    break;
                }

                try
                {
                    read(bytes.AsMemory(start, end - start), line);
                }
                catch (FormatException e) when (damaged is not null)
                {
                    damaged(line, $"not a {what} ({e.Message})", bytes.AsMemory(start, end - start));
                }
                catch (FormatException e)
                {
                    throw new InvalidDataException($"{path}: line {line}: not a {what} ({e.Message})", e);
                }

                start = end + 1;
                keep = start;
            }
        }

        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        stream.SetLength(keep);
        stream.Seek(0, SeekOrigin.End);
        return stream;
    }
}
