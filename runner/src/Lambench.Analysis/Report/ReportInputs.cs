using Lambench.Core.Columns;
using Lambench.Core.Csv;
using Lambench.Core.Ingest;

namespace Lambench.Analysis.Report;

/// <summary>
/// The invocations a report is made from: every input read into columns (an invocations.csv, or a log file ingested
/// on the way) and put side by side, refusing a request id that appears twice, since it would be counted twice in
/// every statistic.
/// </summary>
public static class ReportInputs
{
    /// <param name="logFileRead">told, for each input that was a log file rather than a CSV, what its ingest found.</param>
    /// <exception cref="IOException">an input does not exist.</exception>
    /// <exception cref="InvalidDataException">an input cannot be read, or a request id appears twice.</exception>
    public static InvocationRecordList Load(IReadOnlyList<string> inputs, Action<string, IngestSummary>? logFileRead = null)
    {
        var parts = new List<InvocationColumns>();
        foreach (var input in inputs)
        {
            if (!File.Exists(input))
            {
                throw new IOException($"{input}: no such file");
            }

            if (InvocationCsvReader.IsInvocationCsv(input))
            {
                parts.Add(InvocationCsvReader.ReadColumnsFile(input));
                continue;
            }

            var ingestor = new LogIngestor(new IngestOptions());
            ingestor.AddFile(input);
            var result = ingestor.Complete();
            logFileRead?.Invoke(input, result.Summary);
            parts.Add(result.Columns);
        }

        if (InvocationColumns.FirstRepeatedRequestId(parts) is { } repeated)
        {
            throw new InvalidDataException(inputs.Count == 1
                ? $"{inputs[0]}: request id {repeated.RequestId} appears more than once; ingest the logs again to merge duplicates"
                : $"{inputs[repeated.Part]}: request id {repeated.RequestId} appears more than once in the inputs; merge the logs with one ingest instead");
        }

        if (parts.Count == 1)
        {
            return new InvocationRecordList(parts[0]);
        }

        var partOf = parts.SelectMany((p, i) => Enumerable.Repeat(i, p.Count)).ToArray();
        var rowOf = parts.SelectMany(p => Enumerable.Range(0, p.Count)).ToArray();
        return new InvocationRecordList(InvocationColumns.Gather(parts, partOf, rowOf));
    }
}
