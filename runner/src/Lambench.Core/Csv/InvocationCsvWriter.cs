using System.Globalization;
using System.Text;
using CsvHelper;
using Lambench.Core.Records;

namespace Lambench.Core.Csv;

/// <summary>Writes invocations.csv: the columns of <see cref="InvocationCsvColumns"/>, invariant culture, empty cells for absent values.</summary>
public static class InvocationCsvWriter
{
    public static void Write(TextWriter writer, IEnumerable<InvocationRecord> rows)
    {
        var options = new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture, NewLine = "\n" };
        using var csv = CsvWriter.Create(writer, options, leaveOpen: true);
        csv.WriteHeader(InvocationCsvColumns.InOrder.ToArray());
        foreach (var row in rows)
        {
            csv.WriteField(row.Configuration);
            csv.WriteField(row.FunctionName ?? string.Empty);
            csv.WriteField(row.Runtime ?? string.Empty);
            csv.WriteField(row.Architecture ?? string.Empty);
            csv.WriteField(InvariantFormat.Integer(row.MemorySizeMb));
            csv.WriteField(row.StartType.ToName());
            csv.WriteField(row.RequestId);
            csv.WriteField(InvariantFormat.Timestamp(row.TimestampUtc));
            csv.WriteField(InvariantFormat.Number(row.DurationMs));
            csv.WriteField(InvariantFormat.Number(row.BilledDurationMs));
            csv.WriteField(InvariantFormat.Number(row.InitDurationMs));
            csv.WriteField(InvariantFormat.Number(row.RestoreDurationMs));
            csv.WriteField(InvariantFormat.Number(row.BilledRestoreDurationMs));
            csv.WriteField(InvariantFormat.Number(row.MaxMemoryUsedMb));
            csv.WriteField(row.Status);
            csv.WriteField(row.ErrorType ?? string.Empty);
            csv.WriteField(row.Platform ?? string.Empty);
            csv.WriteField(row.Label ?? string.Empty);
            csv.WriteField(row.BatchId ?? string.Empty);
            csv.WriteField(InvariantFormat.Integer(row.Repetition));
            csv.WriteField(InvariantFormat.Integer(row.Round));
            csv.EndRecord();
        }

        csv.Flush();
    }

    /// <summary>Writes to a temporary file beside <paramref name="path"/> and moves it into place, so a crash never leaves half a CSV.</summary>
    public static void WriteFile(string path, IEnumerable<InvocationRecord> rows)
    {
        AtomicFile.Write(path, writer => Write(writer, rows));
    }
}
