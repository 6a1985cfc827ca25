using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lambench.Analysis.Figures;
using Lambench.Tests.Shared;
using Spectre.Console.Testing;

namespace Lambench.Cli.Tests;

/// <summary>
/// The thesis notebook rendered in Portuguese as a student would hand it in: prose and printed lines in Portuguese,
/// an executed notebook that still runs from its output folder, plotly.js written once beside the notebooks, and a
/// page that Chromium prints on A4 within ABNT margins (checked on the PDF with MuPDF's mutool, not with our CSS).
/// </summary>
[Trait("Tier", "system")]
public sealed partial class NotebookPrintTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-notebook-print-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_portuguese_thesis_notebook_reads_in_portuguese_runs_from_its_folder_and_prints_on_a4()
    {
        var rendered = Path.Combine(_directory, "rendered");
        var console = new TestConsole { Profile = { Width = 400 } };
        var output = new StringWriter();
        var notebooks = new[] { "00-thesis-report", "01-latency-percentiles" }.Select(n => Path.Combine(RepositoryPaths.Root(), "notebooks", n + ".ipynb"));
        var exit = await LambenchApplication.RunAsync(["notebook", "render", .. notebooks, "--out", rendered, "--lang", "pt-BR"], console, output, output);
        Assert.True(exit == 0, console.Output + output);
        Assert.DoesNotContain("no pt-BR text", console.Output + output); // every Markdown cell of the shipped notebooks is translated

        var page = File.ReadAllText(Path.Combine(rendered, "00-thesis-report.html"));
        Assert.Contains("<html lang=\"pt-BR\">", page);
        Assert.Equal(["Dados", "Latência", "Erros e tempos esgotados", "Partidas a frio", "Custo", "Rodadas", "Comparações"], Heading().Matches(page).Select(m => m.Groups[1].Value));
        // Printed by the cells' code, HTML-encoded on the page.
        Assert.Contains("10 invocações de", System.Net.WebUtility.HtmlDecode(page));
        Assert.Contains("Nenhum par de configurações aqui difere", System.Net.WebUtility.HtmlDecode(page));

        // Opened from its folder: every relative #r and the data path of the parameters cell resolve from there.
        var executed = Path.Combine(rendered, "00-thesis-report.ipynb");
        var sources = JsonNode.Parse(File.ReadAllText(executed))!["cells"]!.AsArray().Select(c => string.Concat(c!["source"]!.AsArray().Select(l => (string)l!))).ToList();
        var references = sources.SelectMany(s => Reference().Matches(s)).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, references.Count);
        Assert.All(references, r => Assert.True(File.Exists(Path.Combine(rendered, r)), r + " does not resolve from " + rendered));
        Assert.True(Directory.Exists(Path.Combine(rendered, DataPath().Match(string.Join('\n', sources)).Groups[1].Value)));

        // One plotly.js for the folder, none inside the notebooks.
        Assert.Equal(PlotlyScript.Source, File.ReadAllText(Path.Combine(rendered, PlotlyScript.FileName)));
        var marker = PlotlyScript.Source[..200];
        Assert.All(Directory.GetFiles(rendered, "*.ipynb").Concat(Directory.GetFiles(rendered, "*.html")), f => Assert.DoesNotContain(marker, File.ReadAllText(f)));

        var pdf = Print(Path.Combine(rendered, "00-thesis-report.html"));
        var (pages, boxes) = Mutool("info", pdf);
        Assert.Matches(@"Pages: \d+", pages);
        Assert.Matches(@"\[ 0 0 59[45]\.\d+ 84[12]\.\d+ \]", boxes); // A4: 210 × 297 mm = 595.3 × 841.9 pt
        // Every line of text inside the ABNT margins (3 cm left, 2 cm right: x from 85.0 to 538.3 pt, with 1 pt for
        // glyph outlines), at no less than 6.5 pt: a page scaled down to fit would shrink the text instead.
        var text = Mutool("draw", pdf).Text;
        var lines = LineBox().Matches(text).Select(m => (Left: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Right: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.True(l.Left >= 84 && l.Right <= 539.3, $"a line from {l.Left} to {l.Right} pt leaves the text block"));
        Assert.All(FontSize().Matches(text), m => Assert.True(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) >= 6.5, "text at " + m.Groups[1].Value + " pt"));
    }

    private string Print(string html)
    {
        var chromium = ChromiumFigureExporter.Find() ?? throw new InvalidOperationException("Chromium is required: apt-get install chromium");
        var pdf = Path.Combine(_directory, "printed.pdf");
        Execute(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", $"--user-data-dir={Path.Combine(_directory, "profile")}", $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri);
        Assert.True(File.Exists(pdf), "Chromium printed nothing");
        return pdf;
    }

    /// <summary>mutool info (pages and media boxes), or mutool draw -F stext (text lines with their boxes and fonts).</summary>
    private (string Pages, string Text) Mutool(string command, string pdf)
    {
        if (command == "info")
        {
            var info = Execute("mutool", "info", pdf);
            return (info, info);
        }

        var stext = Path.Combine(_directory, "printed.stext");
        Execute("mutool", "draw", "-F", "stext", "-o", stext, pdf);
        return (string.Empty, File.ReadAllText(stext));
    }

    private static string Execute(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(file + " did not start (mutool: apt-get install mupdf-tools)");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), file + " did not finish in 2 minutes");
        Assert.True(process.ExitCode == 0, $"{file} exited with {process.ExitCode}: {error.Result}");
        return output.Result;
    }

    [GeneratedRegex("<h2[^>]*>([^<]+)</h2>")]
    private static partial Regex Heading();

    [GeneratedRegex("#r \"(?!nuget:)([^\"]+)\"")]
    private static partial Regex Reference();

    [GeneratedRegex("""var data = "([^"]+)";""")]
    private static partial Regex DataPath();

    [GeneratedRegex("<line bbox=\"([\\d.]+) [\\d.]+ ([\\d.]+) [\\d.]+\"")]
    private static partial Regex LineBox();

    [GeneratedRegex("<font name=\"[^\"]*\" size=\"([\\d.]+)\"")]
    private static partial Regex FontSize();
}
