using System.Globalization;

namespace Lambench.Analysis.Load;

/// <summary>Reads the queue depth samples an SQS load step writes beside its requests.</summary>
public static class QueueDepthFile
{
    private const string Header = "elapsed_s,visible_messages,in_flight_messages";

    /// <summary>The queue files of the run holding <paramref name="requestsCsv"/>, by their step's batch id.</summary>
    public static IReadOnlyDictionary<string, string> Beside(string requestsCsv)
    {
        var loads = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(requestsCsv))!, "loads");
        return Directory.Exists(loads)
            ? Directory.GetFiles(loads, "*.queue.csv").Order(StringComparer.Ordinal).ToDictionary(f => Path.GetFileName(f)[..^".queue.csv".Length], f => f, StringComparer.Ordinal)
            : new Dictionary<string, string>();
    }

    /// <exception cref="InvalidDataException">a line that is not a sample, named by its number.</exception>
    public static IReadOnlyList<QueueDepthSample> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != Header)
        {
            throw new InvalidDataException($"{path}: line 1: not a queue depth file (expected the header {Header})");
        }

        var samples = new List<QueueDepthSample>();
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            if (cells.Length != 3
                || !double.TryParse(cells[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var elapsed)
                || !long.TryParse(cells[1], NumberStyles.None, CultureInfo.InvariantCulture, out var visible)
                || !long.TryParse(cells[2], NumberStyles.None, CultureInfo.InvariantCulture, out var inFlight))
            {
                throw new InvalidDataException($"{path}: line {i + 1}: expected seconds, messages waiting and messages in flight");
            }

            samples.Add(new QueueDepthSample(elapsed, visible, inFlight));
        }

        return samples;
    }
}
