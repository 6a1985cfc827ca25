using System.Globalization;
using ICSharpCode.SharpZipLib;
using ICSharpCode.SharpZipLib.GZip;

namespace Lambench.Core.Logs;

/// <summary>
/// A log file's bytes as every reader sees them: gunzipped where the file is gzip (every member's CRC and length
/// checked, a cut member an error), with limits that keep a damaged or hostile file from taking the machine's memory:
/// no line longer than <see cref="MaxLineBytes"/>, and no gzip that expands more than <see cref="MaxExpansion"/> times
/// beyond its first <see cref="ExpansionAllowance"/>. It also records how the file ends, so that a last line without
/// its line break can be judged (<see cref="EndsWithLineBreak"/>).
/// </summary>
public sealed class LogInputStream : Stream
{
    /// <summary>CloudWatch Logs takes events of up to 1 MB; JSON escaping can make one several times longer on a line.</summary>
    public const int MaxLineBytes = 8 << 20;

    /// <summary>Log text compresses some 5 to 30 times; a gzip of zeros, about 1,000.</summary>
    public const int MaxExpansion = 200;

    public const long ExpansionAllowance = 64L << 20;

    /// <summary>A JSON export is parsed whole, so its size is bounded: 1 GiB is some four million log events.</summary>
    public const long MaxDocumentBytes = 1L << 30;

    private readonly Stream _inner;
    private readonly FileStream _file;
    private readonly bool _checkLines;
    private long _decompressed, _lineBytes, _lineBreaks;
    private bool _lastWasCarriageReturn;
    private byte _previousByte;

    private LogInputStream(FileStream file, Stream inner, bool checkLines)
    {
        _file = file;
        _inner = inner;
        _checkLines = checkLines;
        IsGzip = inner != file;
    }

    /// <summary>Opens <paramref name="path"/>, gunzipping it where it starts with gzip's magic bytes.</summary>
    /// <param name="checkLines">false for a JSON document, whose lines may be long (minified): its whole size is bounded instead (<see cref="MaxDocumentBytes"/>).</param>
    public static LogInputStream Open(string path, bool checkLines = true)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> magic = stackalloc byte[2];
        var read = file.Read(magic);
        file.Position = 0;
        Stream inner = read == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new GZipInputStream(file) { IsStreamOwner = true } : file;
        return new LogInputStream(file, inner, checkLines);
    }

    public bool IsGzip { get; }

    /// <summary>The last byte read, 0 before any; after the end of the file, the file's last byte.</summary>
    public byte LastByte { get; private set; }

    /// <summary>Whether the bytes read so far end with a line break (UTF-8, or UTF-16 in either byte order).</summary>
    public bool EndsWithLineBreak => LastByte is (byte)'\n' or (byte)'\r' || (LastByte == 0 && _previousByte is (byte)'\n' or (byte)'\r');

    /// <summary>The size of the file on disk, for estimates (the compressed size for gzip).</summary>
    public long FileLength => _file.Length;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = _inner.Read(buffer);
        }
        // SharpZipLib's inflater also fails on some damaged data with IndexOutOfRangeException and the like: for gzip,
        // any failure to inflate is damaged data.
        catch (Exception e) when (IsGzip && e is not (OperationCanceledException or LogInputException or UnauthorizedAccessException)
            || e is SharpZipBaseException or EndOfStreamException)
        {
            // Where the damage shows is not where it is (a CRC is checked at a member's end): the line read so far is said as such.
            throw new LogInputException($"gzip data after line {_lineBreaks}", $"damaged or cut short ({e.Message}); gzip -t checks it too", e);
        }

        if (read > 0)
        {
            Account(buffer[..read]);
        }

        return read;
    }

    private void Account(ReadOnlySpan<byte> bytes)
    {
        _decompressed += bytes.Length;
        _previousByte = bytes.Length > 1 ? bytes[^2] : LastByte;
        LastByte = bytes[^1];
        if (IsGzip && _decompressed > ExpansionAllowance && _decompressed > (double)MaxExpansion * _file.Position)
        {
            throw new LogInputException(Where(), string.Create(CultureInfo.InvariantCulture,
                $"the gzip expands over {MaxExpansion} times its size ({_decompressed >> 20:N0} MiB from {_file.Position >> 10:N0} KiB so far), which log text does not: not a log, or a gzip bomb; gunzip it yourself if it is what you mean"));
        }

        if (_checkLines)
        {
            CountLines(bytes);
        }
        else if (_decompressed > MaxDocumentBytes)
        {
            throw new LogInputException(Where(), $"a JSON export over {MaxDocumentBytes >> 30} GiB, which is read whole: split it by time (--start-time, --end-time), or export it as text with aws logs tail");
        }
    }

    private void CountLines(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var at = bytes.IndexOfAny((byte)'\n', (byte)'\r');
            _lineBytes += at < 0 ? bytes.Length : at;
            if (_lineBytes > MaxLineBytes)
            {
                throw new LogInputException(Where(), $"a line longer than {MaxLineBytes >> 20} MiB, which no log event is (CloudWatch Logs takes at most 1 MB): not a log file");
            }

            if (at < 0)
            {
                _lastWasCarriageReturn = false;
                break;
            }

            // CRLF is one line break, as TextReader.ReadLine counts them.
            if (!(bytes[at] == '\n' && at == 0 && _lastWasCarriageReturn))
            {
                _lineBreaks++;
            }

            _lineBytes = 0;
            _lastWasCarriageReturn = bytes[at] == '\r';
            bytes = bytes[(at + 1)..];
        }
    }

    private string Where() => _checkLines ? $"line {_lineBreaks + 1}" : IsGzip ? "gzip data" : "file";

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _decompressed;
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _file.Dispose();
        }

        base.Dispose(disposing);
    }
}
