using System.Globalization;
using CsvHelper;

namespace Lambench.Analysis.Load;

/// <summary>Reads requests.csv (what <c>lambench run</c> writes for a load spec), every cell checked; errors name the file and line.</summary>
public static class ClientRequestsFile
{
    private static readonly string[] Needed = ["configuration", "label", "round", "intended_utc", "outcome", "client_latency_ms", "service_time_ms", "duration_ms", "init_duration_ms", "platform_network_ms", "to_start_ms", "batch_id"];

    /// <summary>requests.csv in <paramref name="input"/> (a run directory) or beside it (its invocations.csv); null where there is none.</summary>
    public static string? Beside(string input)
    {
        var directory = Directory.Exists(input) ? input : Path.GetDirectoryName(Path.GetFullPath(input));
        var path = directory is null ? null : Path.Combine(directory, "requests.csv");
        return path is not null && File.Exists(path) ? path : null;
    }

    /// <exception cref="InvalidDataException">a cell that is not what requests.csv holds.</exception>
    public static IReadOnlyList<ClientRequest> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var csv = CsvReader.Create(stream, new CsvReaderOptions { HasHeader = true, TrackLineNumbers = true, FormatProvider = CultureInfo.InvariantCulture, FieldCountMismatch = CsvFieldCountHandling.Throw }, leaveOpen: true);
        csv.ReadHeader();
        var at = Needed.Select(n => csv.Headers.ToList().IndexOf(n)).ToArray();
        if (at.Any(i => i < 0))
        {
            throw new InvalidDataException($"{path}: line 1: not a requests.csv: missing column(s) {string.Join(", ", Needed.Where((_, i) => at[i] < 0))}");
        }

        var rows = new List<ClientRequest>();
        while (true)
        {
            try
            {
                if (!csv.Read())
                {
                    break;
                }

                string Text(int column) => csv.GetString(at[column]);
                double? Number(int column) => Text(column) is { Length: > 0 } cell ? double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture) : null;
                rows.Add(new ClientRequest(Text(0), Text(1), int.Parse(Text(2), CultureInfo.InvariantCulture),
                    DateTimeOffset.Parse(Text(3), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal), Text(4),
                    Number(5) ?? throw new FormatException("client_latency_ms is empty"), Number(6) ?? throw new FormatException("service_time_ms is empty"),
                    Number(7), Number(8), Number(9), Number(10)) { BatchId = Text(11) });
            }
            catch (Exception e) when (e is FormatException or OverflowException or CsvFormatException or CsvValidationException)
            {
                throw new InvalidDataException($"{path}: line {csv.LineNumber}: {e.Message}", e);
            }
        }

        // Seconds from the first request of each configuration's load, so loads run one after another share an axis.
        return rows.GroupBy(r => (r.Configuration, r.Label, r.Round))
            .SelectMany(g =>
            {
                var first = g.Min(x => x.IntendedUtc);
                return g.Select(r => r with { IntendedS = (r.IntendedUtc - first).TotalSeconds });
            })
            .ToList();
    }
}
