using System.Globalization;
using System.Text;

namespace Lambench.Benchmarks;

/// <summary>
/// Writes synthetic REPORT lines (benchmark input only, never analysed as results): one file per configuration,
/// a fixed seed, about 5 % cold starts, timestamps one second apart.
/// </summary>
public static class ReportLogGenerator
{
    public static readonly string[] Configurations = ["python-arm64", "python-x86_64", "go-arm64", "go-x86_64"];

    public static IReadOnlyList<string> Generate(string directory, int totalLines)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(42);
        var start = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var paths = new List<string>();
        var perFile = totalLines / Configurations.Length;
        var id = new byte[16];
        foreach (var configuration in Configurations)
        {
            var path = Path.Combine(directory, configuration + ".log");
            paths.Add(path);
            using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
            var baseMs = configuration.StartsWith("go", StringComparison.Ordinal) ? 40.0 : 120.0;
            for (var i = 0; i < perFile; i++)
            {
                random.NextBytes(id);
                var duration = Math.Round(baseMs + random.NextDouble() * baseMs * 0.5, 2);
                var cold = random.NextDouble() < 0.05;
                var init = cold ? Math.Round(80 + random.NextDouble() * 300, 2) : 0;
                var line = new StringBuilder(200)
                    .Append(start.AddSeconds(i).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
                    .Append(" REPORT RequestId: ").Append(new Guid(id).ToString())
                    .Append("\tDuration: ").Append(duration.ToString("F2", CultureInfo.InvariantCulture))
                    .Append(" ms\tBilled Duration: ").Append(Math.Ceiling(duration + init).ToString(CultureInfo.InvariantCulture))
                    .Append(" ms\tMemory Size: 512 MB\tMax Memory Used: ").Append(60 + random.Next(30)).Append(" MB\t");
                if (cold)
                {
                    line.Append("Init Duration: ").Append(init.ToString("F2", CultureInfo.InvariantCulture)).Append(" ms\t");
                }

                writer.Write(line.Append('\n'));
            }
        }

        return paths;
    }
}
