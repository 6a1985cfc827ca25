using Lambench.Core.Csv;
using Lambench.Core.Records;
using Microsoft.Data.Analysis;

namespace Lambench.Analysis.Frames;

/// <summary>
/// Invocations as a Microsoft.Data.Analysis DataFrame with invocations.csv's column names and typed columns: absent
/// values stay null (a warm start has no Init duration), which DataFrame.LoadCsv's type guessing would not keep.
/// </summary>
public static class InvocationFrame
{
    public static DataFrame Create(IReadOnlyList<InvocationRecord> invocations)
    {
        DataFrameColumn Text(string name, Func<InvocationRecord, string?> value) => new StringDataFrameColumn(name, invocations.Select(value));
        DataFrameColumn Number(string name, Func<InvocationRecord, double?> value) => new DoubleDataFrameColumn(name, invocations.Select(value));
        DataFrameColumn Whole(string name, Func<InvocationRecord, int?> value) => new Int32DataFrameColumn(name, invocations.Select(value));

        return new DataFrame(
            Text(InvocationCsvColumns.Configuration, r => r.Configuration),
            Text(InvocationCsvColumns.FunctionName, r => r.FunctionName),
            Text(InvocationCsvColumns.Runtime, r => r.Runtime),
            Text(InvocationCsvColumns.Architecture, r => r.Architecture),
            Whole(InvocationCsvColumns.MemorySizeMb, r => r.MemorySizeMb),
            Text(InvocationCsvColumns.StartType, r => r.StartType.ToName()),
            Text(InvocationCsvColumns.RequestId, r => r.RequestId),
            Text(InvocationCsvColumns.TimestampUtc, r => r.TimestampUtc is { } t ? InvariantFormat.Timestamp(t) : null),
            Number(InvocationCsvColumns.DurationMs, r => r.DurationMs),
            Number(InvocationCsvColumns.BilledDurationMs, r => r.BilledDurationMs),
            Number(InvocationCsvColumns.InitDurationMs, r => r.InitDurationMs),
            Number(InvocationCsvColumns.RestoreDurationMs, r => r.RestoreDurationMs),
            Number(InvocationCsvColumns.BilledRestoreDurationMs, r => r.BilledRestoreDurationMs),
            Number(InvocationCsvColumns.MaxMemoryUsedMb, r => r.MaxMemoryUsedMb),
            Text(InvocationCsvColumns.Status, r => r.Status),
            Text(InvocationCsvColumns.ErrorType, r => r.ErrorType),
            Text(InvocationCsvColumns.Platform, r => r.Platform),
            Text(InvocationCsvColumns.Label, r => r.Label),
            Text(InvocationCsvColumns.BatchId, r => r.BatchId),
            Whole(InvocationCsvColumns.Repetition, r => r.Repetition),
            Whole(InvocationCsvColumns.Round, r => r.Round));
    }
}
