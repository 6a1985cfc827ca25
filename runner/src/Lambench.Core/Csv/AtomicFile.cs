using System.Text;

namespace Lambench.Core.Csv;

/// <summary>Writes a file through a temporary sibling and a rename: readers see the old file or the whole new one, never half.</summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string path, Action<TextWriter> write) => Replace(path, temporary =>
    {
        using var writer = new StreamWriter(temporary, append: false, Utf8NoBom, 1 << 16);
        write(writer);
    });

    public static void WriteAllText(string path, string text) => Write(path, writer => writer.Write(text));

    public static void WriteAllBytes(string path, byte[] bytes) => Replace(path, temporary => File.WriteAllBytes(temporary, bytes));

    /// <summary>Writes a binary file (a workbook) the same way: the whole new file or the old one.</summary>
    public static void WriteStream(string path, Action<Stream> write) => Replace(path, temporary =>
    {
        using var stream = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        write(stream);
    });

    private static long writes;

    private static void Replace(string path, Action<string> writeTemporary)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // Per process and per write: two threads replacing one file never share a temporary.
        var temporary = $"{full}.tmp-{Environment.ProcessId}-{Interlocked.Increment(ref writes)}";
        try
        {
            writeTemporary(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
