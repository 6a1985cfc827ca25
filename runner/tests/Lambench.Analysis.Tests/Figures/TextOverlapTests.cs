using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lambench.Analysis.Figures;
using Lambench.Analysis.Report;
using Lambench.Core.Cost;

namespace Lambench.Analysis.Tests.Figures;

/// <summary>
/// Every figure of a thesis-sized report, in both languages, rendered by headless Chromium: no text may overlap other
/// text or leave the canvas. text-overlap.js measures each text element as the rectangle it is drawn in (rotated
/// ones included) and tests every pair for intersection; before the print style, it found the box plots' rotated
/// labels over the axis title and the legend, and a percentile legend over the title.
/// </summary>
[Trait("Tier", "system")]
public sealed partial class TextOverlapTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-overlap-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("en")]
    [InlineData("pt-BR")]
    public async Task No_text_overlaps_or_is_cut_in_any_figure(string code)
    {
        var chromium = ChromiumFigureExporter.Find() ?? throw new InvalidOperationException("Chromium is required: apt-get install chromium");
        var report = Path.Combine(_directory, "report");
        await new ReportWriter(PriceCatalogLoader.Load()).WriteAsync(ThesisData.Records(), ["invocations.csv"], new ReportOptions { OutputDirectory = report, Language = ReportLanguage.Parse(code), ColdShare = 0.05 });
        var svgs = Directory.GetFiles(Path.Combine(report, "figures"), "*.svg").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(10, svgs.Count); // every figure of ReportFigureBuilder: the thesis data has them all

        var page = Path.Combine(_directory, "check.html");
        var script = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Figures", "text-overlap.js"));
        await File.WriteAllTextAsync(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
            + string.Concat(svgs.Select(s => $"<div class=\"fig\" data-id=\"{Path.GetFileName(s)}\">{File.ReadAllText(s)}</div>"))
            + "<script>" + script + "</script></body></html>");

        var problems = Measure(chromium, page);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_measure_finds_overlapping_and_cut_text()
    {
        var chromium = ChromiumFigureExporter.Find() ?? throw new InvalidOperationException("Chromium is required: apt-get install chromium");
        var page = Path.Combine(_directory, "bad.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body><div class=\"fig\" data-id=\"bad\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\">"
            + "<text x=\"10\" y=\"50\" font-size=\"20\">overlapping</text><text x=\"30\" y=\"55\" font-size=\"20\">words</text>"
            + "<text x=\"150\" y=\"90\" font-size=\"20\">cut off here</text>"
            + "<text x=\"20\" y=\"95\" font-size=\"12\" transform=\"rotate(-30 20 95)\">turned</text></svg></div>"
            + "<script>" + File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Figures", "text-overlap.js")) + "</script></body></html>");
        var problems = Measure(chromium, page);
        Assert.Contains("bad: \"overlapping\" overlaps \"words\"", problems);
        Assert.Contains("bad: \"cut off here\" is cut at the edge of the figure", problems);
        Assert.DoesNotContain(problems, p => p.Contains("turned", StringComparison.Ordinal));
    }

    /// <summary>Loads the page in headless Chromium (--dump-dom runs its script) and reads the problems it lists.</summary>
    private static List<string> Measure(string chromium, string page)
    {
        var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", $"--user-data-dir={Path.Combine(Path.GetDirectoryName(page)!, "chromium-profile")}", "--dump-dom", new Uri(page).AbsoluteUri })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var dom = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "Chromium did not finish in 2 minutes");
        var result = Result().Match(dom.Result);
        Assert.True(result.Success, "the page did not report: " + dom.Result[..Math.Min(500, dom.Result.Length)]);
        return JsonSerializer.Deserialize<List<string>>(WebUtility.HtmlDecode(result.Groups[1].Value))!;
    }

    [GeneratedRegex("<pre id=\"overlap-result\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex Result();
}
