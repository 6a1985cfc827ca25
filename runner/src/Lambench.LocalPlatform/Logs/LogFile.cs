using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lambench.Core.Files;

namespace Lambench.LocalPlatform.Logs;

/// <summary>
/// The store's events on disk, one JSON object a line (group, stream, times, sequence, message): what outlives the
/// platform, and where events beyond the memory window are read back from, by the offset their line starts at.
/// </summary>
internal sealed class LogFile : IDisposable
{
    private readonly object gate = new();
    private readonly FileStream writer;
    private readonly FileStream reader;

    private readonly bool durable;

    private LogFile(FileStream writer, string path, bool durable)
    {
        this.writer = writer;
        this.durable = durable;
        reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 12);
    }

    /// <summary>One stored event as read back: its group and the event.</summary>
    public readonly record struct Stored(string Group, LogEvent Event);

    /// <summary>Opens <paramref name="path"/>, giving each event it already holds (and the offset of its line) to <paramref name="restore"/>.</summary>
    /// <exception cref="InvalidDataException">a line other than a cut-short last one is not a stored event.</exception>
    public static LogFile Open(string path, Action<Stored, long> restore)
    {
        long offset = 0;
        var writer = JsonLinesLog.Open(path, "stored log event", (line, _) =>
        {
            restore(Parse(line.Span), offset);
            offset += line.Length + 1;
        });
        return new LogFile(writer, path, durable: true);
    }

    /// <summary>A file that lives as long as the store: for a platform whose logs are not kept, so that spilled events still have a home.</summary>
    public static LogFile Temporary()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lambench-logs-{Guid.NewGuid():N}.jsonl");
        var writer = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose);
        return new LogFile(writer, path, durable: false);
    }

    /// <summary>
    /// Appends one event and returns its line's offset. A kept file is flushed to the operating system at once (the
    /// event survives a kill -9 of this process); a temporary one when it is next read.
    /// </summary>
    public long Append(string group, LogEvent logEvent)
    {
        lock (gate)
        {
            var offset = writer.Position;
            using (var json = new Utf8JsonWriter(writer))
            {
                json.WriteStartObject();
                json.WriteString("g", group);
                json.WriteString("s", logEvent.StreamName);
                json.WriteNumber("t", logEvent.TimestampMs);
                json.WriteString("m", logEvent.Message);
                json.WriteNumber("i", logEvent.IngestionTimeMs);
                json.WriteNumber("q", logEvent.Sequence);
                json.WriteEndObject();
            }

            writer.WriteByte((byte)'\n');
            if (durable)
            {
                writer.Flush();
            }

            return offset;
        }
    }

    /// <summary>The events whose lines start at <paramref name="offsets"/> (ascending).</summary>
    public List<LogEvent> Read(IReadOnlyList<long> offsets)
    {
        var events = new List<LogEvent>(offsets.Count);
        lock (gate)
        {
            writer.Flush();
            foreach (var offset in offsets)
            {
                reader.Position = offset;
                events.Add(Parse(ReadLine()).Event);
            }
        }

        return events;
    }

    private byte[] ReadLine()
    {
        using var line = new MemoryStream();
        int b;
        while ((b = reader.ReadByte()) >= 0 && b != '\n')
        {
            line.WriteByte((byte)b);
        }

        return line.ToArray();
    }

    /// <summary>One stored line; an event an older store wrote without its sequence gets 0, and the store draws a new one.</summary>
    private static Stored Parse(ReadOnlySpan<byte> line)
    {
        try
        {
            var json = JsonNode.Parse(line)!.AsObject();
            var sequence = (long?)json["q"] ?? 0;
            return new Stored((string)json["g"]!, new LogEvent((string)json["s"]!, (long)json["t"]!, (string)json["m"]!, (long)json["i"]!, sequence));
        }
        catch (Exception e) when (e is JsonException or NullReferenceException or InvalidOperationException or FormatException)
        {
            throw new FormatException(e.Message, e);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            writer.Dispose();
            reader.Dispose();
        }
    }
}
