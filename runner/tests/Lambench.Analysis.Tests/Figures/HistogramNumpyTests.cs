using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lambench.Analysis.Figures;

namespace Lambench.Analysis.Tests.Figures;

/// <summary>
/// The histogram's bins against numpy's own <c>np.histogram(v, bins="fd")</c> (Debian python3-numpy), on REPORT-like
/// samples: durations with two decimals, so that many values fall exactly on bin edges.
/// </summary>
[Trait("Tier", "system")]
public sealed class HistogramNumpyTests
{
    [Theory]
    [InlineData(1, 40)]
    [InlineData(2, 500)]
    [InlineData(3, 3000)]
    public void Bins_and_counts_are_numpys(int seed, int n)
    {
        var random = new Random(seed);
        // Log-normal around 20 ms, rounded to 0.01 ms as REPORT lines are.
        var values = Enumerable.Range(0, n).Select(_ => Math.Round(20 * Math.Exp(0.25 * Normal(random)), 2)).ToArray();
        var bins = HistogramBins.Of(values);
        var (edges, counts) = Numpy(values);
        Assert.True(counts.Length <= HistogramBins.MaxBins, "the sample needs more bins than the cap: choose another");
        Assert.Equal(counts, bins.Counts);
        Assert.Equal(edges.Length, bins.Edges.Length);
        Assert.All(edges.Zip(bins.Edges), e => Assert.Equal(e.First, e.Second, 12));
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static (double[] Edges, long[] Counts) Numpy(double[] values)
    {
        const string script = "import json, sys, numpy as np\nc, e = np.histogram(json.load(sys.stdin), bins='fd')\nprint(json.dumps({'edges': e.tolist(), 'counts': c.tolist()}))";
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        process.StandardInput.Write("[" + string.Join(",", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "numpy (apt-get install python3-numpy): " + error);
        using var result = JsonDocument.Parse(output);
        return (result.RootElement.GetProperty("edges").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
                result.RootElement.GetProperty("counts").EnumerateArray().Select(c => c.GetInt64()).ToArray());
    }
}
