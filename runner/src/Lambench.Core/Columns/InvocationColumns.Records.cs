using Lambench.Core.Parsing;
using Lambench.Core.Records;

namespace Lambench.Core.Columns;

/// <summary>The columns as records and back: for code written for rows, which must compute as code written for columns does.</summary>
public sealed partial class InvocationColumns
{
    public InvocationRecord Record(int row)
    {
        var source = Source(row);
        var rare = Rare(row);
        var tag = rare.Tag;
        return new InvocationRecord
        {
            Configuration = source.Configuration,
            FunctionName = source.FunctionName,
            Runtime = source.Runtime,
            Architecture = source.Architecture,
            MemorySizeMb = MemorySizeMb(row),
            RequestId = RequestId(row),
            TimestampUtc = TimestampUtc(row),
            DurationMs = _duration[row],
            BilledDurationMs = BilledDurationMs(row),
            InitDurationMs = InitDurationMs(row),
            RestoreDurationMs = RestoreDurationMs(row),
            BilledRestoreDurationMs = rare.BilledRestoreDurationMs,
            MaxMemoryUsedMb = MaxMemoryUsedMb(row),
            Status = Status(row),
            ErrorType = rare.ErrorType,
            Platform = source.Platform,
            Label = tag?.Label,
            BatchId = tag?.BatchId,
            Repetition = tag?.Repetition,
            Round = tag?.Round,
        };
    }

    /// <summary>Columns holding <paramref name="records"/> in their order, so code written for rows and for columns computes alike.</summary>
    public static InvocationColumns From(IEnumerable<InvocationRecord> records)
    {
        var columns = new InvocationColumns(records is IReadOnlyCollection<InvocationRecord> known ? known.Count : 0);
        foreach (var record in records)
        {
            var source = columns.AddSource(new InvocationSource(record.Configuration, record.FunctionName, record.Runtime, record.Architecture, record.Platform));
            columns.Append(record.RequestId, source, record.TimestampUtc, new ReportMetrics(
                record.DurationMs, record.BilledDurationMs, record.MemorySizeMb, record.MaxMemoryUsedMb, record.InitDurationMs,
                record.RestoreDurationMs, record.BilledRestoreDurationMs, record.Status, record.ErrorType));
            if (record.BatchId is not null || record.Label is not null || record.Repetition is not null || record.Round is not null)
            {
                columns.SetTag(columns.Count - 1, new InvocationTag(record.RequestId, record.BatchId, record.Label, record.Repetition, record.Round));
            }
        }

        return columns;
    }
}
