using System.Globalization;
using CsvHelper;
using Lambench.Core.Csv;
using Lambench.Core.Vocabulary;
using Lambench.Load.Recording;

namespace Lambench.Runner.Loads;

/// <summary>loads/&lt;batch id&gt;.csv: every request of one load step, invariant culture, written atomically.</summary>
public static class LoadRequestFile
{
    private static readonly string[] Header = ["sequence", "intended_utc", "intended_ms", "sent_ms", "completed_ms", "outcome", "request_id", "batch_id"];

    public static void Write(string path, IEnumerable<LoadRequest> requests) => AtomicFile.Write(path, writer =>
    {
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture, NewLine = "\n" }, leaveOpen: true);
        csv.WriteHeader(Header);
        foreach (var request in requests)
        {
            csv.WriteField(request.Sequence.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(InvariantFormat.Timestamp(request.IntendedUtc));
            csv.WriteField(InvariantFormat.Milliseconds(request.IntendedMs));
            csv.WriteField(InvariantFormat.Milliseconds(request.SentMs));
            csv.WriteField(InvariantFormat.Milliseconds(request.CompletedMs));
            csv.WriteField(request.Outcome.Name());
            csv.WriteField(request.RequestId ?? string.Empty);
            csv.WriteField(request.BatchId);
            csv.EndRecord();
        }
    });

    /// <exception cref="FormatException">a file this class did not write, naming the line.</exception>
    public static List<LoadRequest> Read(string path) => LambenchCsvFile.Read(path, Header, "a load's request file", csv => new LoadRequest(
        long.Parse(csv.GetString(0), CultureInfo.InvariantCulture),
        DateTimeOffset.Parse(csv.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        double.Parse(csv.GetString(2), CultureInfo.InvariantCulture),
        double.Parse(csv.GetString(3), CultureInfo.InvariantCulture),
        double.Parse(csv.GetString(4), CultureInfo.InvariantCulture),
        Vocabulary<LoadOutcome>.Parse(csv.GetString(5)),
        csv.GetString(6) is { Length: > 0 } id ? id : null,
        csv.GetString(7)));
}
