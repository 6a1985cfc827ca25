using System.Globalization;
using CsvHelper;
using Lambench.Core.Records;

namespace Lambench.Core.Csv;

/// <summary>
/// operations.csv: one row per DynamoDB operation a function logged (<see cref="OperationRecord"/>), invariant
/// culture, units in the names, written atomically. Each column binds its header to its value, so the order cannot
/// misalign them.
/// </summary>
public static class OperationCsvFile
{
    private sealed record Column(string Header, Func<OperationRecord, string> Value);

    private static readonly Column[] Columns =
    [
        new("configuration", o => o.Configuration),
        new("request_id", o => o.RequestId),
        new("operation", o => o.Operation),
        new("sequence", o => InvariantFormat.Integer(o.Sequence)),
        new("timestamp_utc", o => InvariantFormat.Timestamp(o.TimestampUtc)),
        new("latency_ms", o => InvariantFormat.Number(o.LatencyMs)),
        new("items", o => InvariantFormat.Integer(o.Items)),
        new("size_bytes", o => InvariantFormat.Integer(o.Bytes)),
        new("attempts", o => InvariantFormat.Integer(o.Attempts)),
        new("throttles", o => InvariantFormat.Integer(o.Throttles)),
        new("batch_id", o => o.BatchId ?? string.Empty),
        new("label", o => o.Label ?? string.Empty),
        new("offset_ms", o => InvariantFormat.Number(o.OffsetMs)),
    ];

    public static IReadOnlyList<string> Header { get; } = Columns.Select(c => c.Header).ToArray();

    /// <summary>
    /// Where the operations of an invocations file live: operations.csv beside invocations.csv (a run's folder), else
    /// &lt;name&gt;.operations.csv beside &lt;name&gt;.csv.
    /// </summary>
    public static string PathBeside(string invocationsPath)
    {
        var folder = Path.GetDirectoryName(invocationsPath) ?? string.Empty;
        var name = Path.GetFileName(invocationsPath);
        return Path.Combine(folder, name == "invocations.csv" ? "operations.csv" : Path.GetFileNameWithoutExtension(name) + ".operations.csv");
    }

    /// <summary>
    /// The operations whose invocation is among <paramref name="invocations"/>, with that invocation's batch id and
    /// label (the experiment's, which a redelivered or renamed batch may not have logged), in the invocations' order.
    /// </summary>
    public static List<OperationRecord> JoinedWith(IEnumerable<OperationRecord> operations, IEnumerable<InvocationRecord> invocations)
    {
        var byRequest = operations.GroupBy(o => o.RequestId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(o => o.Sequence).ToList(), StringComparer.Ordinal);
        return invocations
            .SelectMany(i => byRequest.GetValueOrDefault(i.RequestId) is { } own
                ? own.Select(o => o with { Configuration = i.Configuration, BatchId = i.BatchId ?? o.BatchId, Label = i.Label ?? o.Label })
                : [])
            .ToList();
    }

    /// <summary>Writes the file when there are operations, and removes a stale one from an earlier run when not.</summary>
    public static void WriteOrRemove(string path, IReadOnlyCollection<OperationRecord> operations)
    {
        if (operations.Count > 0)
        {
            Write(path, operations);
        }
        else
        {
            File.Delete(path);
        }
    }

    public static void Write(string path, IEnumerable<OperationRecord> operations) => AtomicFile.Write(path, writer =>
    {
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture, NewLine = "\n" }, leaveOpen: true);
        csv.WriteHeader(Header.ToArray());
        foreach (var operation in operations)
        {
            foreach (var column in Columns)
            {
                csv.WriteField(column.Value(operation));
            }

            csv.EndRecord();
        }
    });

    /// <exception cref="FormatException">a file this class did not write, naming the file and line.</exception>
    public static List<OperationRecord> Read(string path) => LambenchCsvFile.Read(path, Header, "an operations file", Row);

    private static OperationRecord Row(CsvReader csv)
    {
        static string? Optional(string text) => text.Length == 0 ? null : text;
        return new OperationRecord
        {
            Configuration = csv.GetString(0),
            RequestId = csv.GetString(1),
            Operation = csv.GetString(2),
            Sequence = int.Parse(csv.GetString(3), NumberStyles.Integer, CultureInfo.InvariantCulture),
            TimestampUtc = DateTimeOffset.Parse(csv.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            LatencyMs = double.Parse(csv.GetString(5), NumberStyles.Float, CultureInfo.InvariantCulture),
            Items = long.Parse(csv.GetString(6), NumberStyles.Integer, CultureInfo.InvariantCulture),
            Bytes = long.Parse(csv.GetString(7), NumberStyles.Integer, CultureInfo.InvariantCulture),
            Attempts = int.Parse(csv.GetString(8), NumberStyles.Integer, CultureInfo.InvariantCulture),
            Throttles = int.Parse(csv.GetString(9), NumberStyles.Integer, CultureInfo.InvariantCulture),
            BatchId = Optional(csv.GetString(10)),
            Label = Optional(csv.GetString(11)),
            OffsetMs = csv.GetString(12) is { Length: > 0 } offset ? double.Parse(offset, NumberStyles.Float, CultureInfo.InvariantCulture) : null,
        };
    }
}
