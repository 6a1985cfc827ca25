using System.Globalization;
using Lambench.Analysis.Figures;
using Plotly.NET.CSharp;

namespace Lambench.Benchmarks;

/// <summary>
/// What a report figure's JSON costs, beside its peer in the same run: the composer's serialisation of a chart's traces
/// (FigureComposer.TracesJson) against Plotly.NET's own whole-figure JSON (GenericChart.toFigureJson, which the report
/// used before and which carries Plotly.NET's default template), for the percentiles figure of four configurations.
/// </summary>
public static class FigureBenchmark
{
    public static int Run(string[] args)
    {
        var figures = args.Length > 1 && args[0] == "--figures" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        double[] positions = FigurePrintStyle.PercentilePositions;
        var chart = Chart.Combine(Enumerable.Range(0, 4).Select(k => Chart.Line<double, double, string>(x: positions, y: new[] { 20.0 + k, 31, 35, 48 + k }, ShowMarkers: true, Name: $"configuration-{k}")));
        // Warm both paths up once: the first call of each pays its JIT.
        _ = FigureComposer.TracesJson(chart);
        _ = Plotly.NET.GenericChart.toFigureJson(chart);
        var traces = LoadGeneratorBenchmark.Median(() =>
        {
            for (var i = 0; i < figures; i++)
            {
                _ = FigureComposer.TracesJson(chart);
            }
        }, figures) / 1000;
        var whole = LoadGeneratorBenchmark.Median(() =>
        {
            for (var i = 0; i < figures; i++)
            {
                _ = Plotly.NET.GenericChart.toFigureJson(chart);
            }
        }, figures) / 1000;
        Console.WriteLine($"Figure JSON benchmark, {Environment.ProcessorCount} cores, {figures} figures a pass.");
        Console.WriteLine();
        Console.WriteLine("| serialising one figure (4 lines of 4 points) | µs, median of 3 |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| FigureComposer.TracesJson (the traces, what the report keeps) | {traces:F1} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| peer: GenericChart.toFigureJson (the whole figure, its template included) | {whole:F1} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| ratio (peer / traces) | {whole / traces:F0} |"));
        return 0;
    }
}
