using System.Runtime.CompilerServices;
using System.Buffers;
using System.Text;

namespace Lambench.Core.Logs;

/// <summary>
/// Reads a UTF-8 text file (gzip or not, with or without a UTF-8 BOM) line by line into one reused buffer: a line is
/// a span that stays valid until the next call, so reading allocates nothing a line. Line breaks are those of
/// <see cref="TextReader.ReadLine"/> (LF, CR or CRLF), so line numbers agree with the text readers'.
/// </summary>
internal sealed class Utf8LineReader : IDisposable
{
    private readonly LogInputStream _stream;
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(1 << 20);
    private char[] _chars = ArrayPool<char>.Shared.Rent(1 << 12);
    private int _start, _end;
    private bool _endOfStream;

    private Utf8LineReader(LogInputStream stream) => _stream = stream;

    /// <summary>A reader, or null when the file starts with a UTF-16 or UTF-32 byte order mark (the text readers take those).</summary>
    public static Utf8LineReader? TryOpen(string path)
    {
        var reader = new Utf8LineReader(LogInputStream.Open(path));
        try
        {
            reader.Fill();
        }
        catch
        {
            reader.Dispose();
            throw;
        }

        var head = reader._bytes.AsSpan(0, reader._end);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
        {
            reader.Dispose();
            return null;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            reader._start = 3;
        }

        if (!reader._stream.IsGzip && head.Length > 0)
        {
            // A tenth more than the first megabyte's rate says: falling just short would double every column.
            reader.EstimatedLines = (long)((double)reader._stream.FileLength / head.Length * (head.Count((byte)'\n') + 1) * 1.1) + 1024;
        }

        return reader;
    }

    /// <summary>How many rows the file may hold, judged from its size and first megabyte; 0 when that does not tell (gzip, UTF-16, unreadable).</summary>
    public static int EstimateRows(string path)
    {
        try
        {
            using var reader = File.Exists(path) ? TryOpen(path) : null;
            return reader?.EstimatedRows ?? 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LogFormatException)
        {
            return 0; // the read itself says what is wrong
        }
    }

    /// <summary>At least how many lines the file holds, judged from its first megabyte with a margin; null for gzip files, whose size does not tell.</summary>
    public long? EstimatedLines { get; private set; }

    /// <summary><see cref="EstimatedLines"/> as a count of rows to reserve: 0 where unknown, and never more than a column can hold.</summary>
    public int EstimatedRows => (int)Math.Min(EstimatedLines ?? 0, Array.MaxLength / 16);

    /// <summary>Whether the line last read ended with a line break; false for a last line the file ends inside.</summary>
    public bool LineWasTerminated { get; private set; }

    /// <summary>The next line without its line break, decoded; false at the end of the file.</summary>
    /// <exception cref="LogInputException">damaged gzip data, or a line beyond <see cref="LogInputStream.MaxLineBytes"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryReadLine(out ReadOnlySpan<char> line)
    {
        while (true)
        {
            var pending = _bytes.AsSpan(_start, _end - _start);
            var at = pending.IndexOfAny((byte)'\n', (byte)'\r');
            // A CR at the end of the buffer may be the first half of CRLF: read on before deciding.
            if (at >= 0 && !(pending[at] == '\r' && at == pending.Length - 1 && !_endOfStream))
            {
                line = Decode(pending[..at]);
                LineWasTerminated = true;
                _start += at + (pending[at] == '\r' && at + 1 < pending.Length && pending[at + 1] == '\n' ? 2 : 1);
                return true;
            }

            if (_endOfStream)
            {
                line = Decode(pending);
                LineWasTerminated = false;
                _start = _end;
                return !pending.IsEmpty;
            }

            Fill();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<char> Decode(ReadOnlySpan<byte> bytes)
    {
        if (_chars.Length < bytes.Length)
        {
            ArrayPool<char>.Shared.Return(_chars);
            _chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        }

        return _chars.AsSpan(0, Encoding.UTF8.GetChars(bytes, _chars));
    }

    /// <summary>Moves the unread bytes to the front (growing the buffer for a line longer than it) and reads more.</summary>
    private void Fill()
    {
        if (_start > 0)
        {
            _bytes.AsSpan(_start, _end - _start).CopyTo(_bytes);
            _end -= _start;
            _start = 0;
        }

        if (_end == _bytes.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_bytes.Length * 2);
            _bytes.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = larger;
        }

        var read = _stream.Read(_bytes, _end, _bytes.Length - _end);
        _end += read;
        _endOfStream = read == 0;
    }

    public void Dispose()
    {
        _stream.Dispose();
        ArrayPool<byte>.Shared.Return(_bytes);
        ArrayPool<char>.Shared.Return(_chars);
    }
}
