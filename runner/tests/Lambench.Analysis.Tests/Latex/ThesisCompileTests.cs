using System.Diagnostics;
using System.Text.RegularExpressions;
using Lambench.Analysis.Report;
using Lambench.Core.Cost;
using Lambench.Analysis.Tests.Figures;
using Lambench.Core.Processes;

namespace Lambench.Analysis.Tests.Latex;

/// <summary>
/// The report's LaTeX as a thesis uses it: an A4 abnTeX2 document with ABNT margins (3 cm left and top, 2 cm right and
/// bottom) inputs every table and every figure of a report in English and in Portuguese, and pdflatex (Debian's
/// texlive) must compile it without an overfull box, a float too large for its page, or a missing glyph.
/// </summary>
[Trait("Tier", "system")]
public sealed partial class ThesisCompileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-thesis-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("en", "english")]
    [InlineData("pt-BR", "brazil")]
    public async Task Every_table_and_figure_fits_an_A4_ABNT_page(string code, string babel)
    {
        var pdflatex = ExecutableSearch.OnPath("pdflatex") ?? throw new InvalidOperationException("pdflatex is not on PATH: apt-get install texlive-latex-recommended texlive-latex-extra texlive-lang-portuguese texlive-publishers");
        var report = Path.Combine(_directory, "report");
        // A load run's requests.csv beside the input: the loads table and the load figures are in the document too.
        WriteRequests(Path.Combine(_directory, "requests.csv"));
        // And the functions' DynamoDB operations: the operations table and its two figures.
        WriteOperations(Path.Combine(_directory, "operations.csv"));
        var outcome = await new ReportWriter(PriceCatalogLoader.Load()).WriteAsync(ThesisData.Records(), [Path.Combine(_directory, "invocations.csv")],
            new ReportOptions { OutputDirectory = report, Language = ReportLanguage.Parse(code), ColdShare = 0.05, LabelPrefix = "r1:" });
        Assert.DoesNotContain(outcome.Warnings, w => w.Contains("SVG and PNG", StringComparison.Ordinal));
        var tables = Directory.GetFiles(Path.Combine(report, "tables"), "*.tex").Order(StringComparer.Ordinal).ToList();
        var figures = Directory.GetFiles(Path.Combine(report, "figures"), "*.tex").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["cold-starts", "comparisons", "cost", "failures", "latency", "loads", "operations", "rounds"], tables.Select(Path.GetFileNameWithoutExtension));
        Assert.Equal(16, figures.Count);
        Assert.All(figures, f => Assert.True(File.Exists(Path.ChangeExtension(f, ".pdf")), f + ": no PDF beside it"));

        var document = Path.Combine(_directory, "thesis.tex");
        var inputs = string.Join("\n", tables.Concat(figures).Select(f => "\\input{" + Path.GetRelativePath(_directory, f).Replace('\\', '/') + "}\n\\clearpage"));
        File.WriteAllText(document, $$$"""
            \documentclass[12pt,a4paper,oneside,english,brazil]{abntex2}
            \usepackage[T1]{fontenc}
            \usepackage[utf8]{inputenc}
            \usepackage{lmodern}
            \usepackage{graphicx,booktabs,xltabular,makecell}
            \usepackage[left=3cm,right=2cm,top=3cm,bottom=2cm]{geometry}
            \graphicspath{{report/figures/}}
            \begin{document}
            \selectlanguage{{{{babel}}}}
            {{{inputs}}}
            As \ref{tab:r1:latency} and \ref{fig:r1:cost} show.
            \end{document}
            """);
        var log = Compile(pdflatex, document);

        // Each problem with the file pdflatex was reading, so a failure says which table or figure does not fit.
        var problems = Problems().Matches(log).Select(m => $"{m.Value} in {Regex.Matches(log[..m.Index], @"\(\./report/[^\s()]+").LastOrDefault()?.Value[1..] ?? "?"}: {log.Substring(m.Index, Math.Min(120, log.Length - m.Index)).Split('\n')[0]}").ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains("Output written on thesis.pdf", log);
        Assert.DoesNotContain("Reference `tab:r1:latency' on page", log); // labels resolve (second pass)
    }

    /// <summary>Four GetItems of every invocation, 1 to 4 ms each, the last two in parallel: rows for every configuration and batch.</summary>
    private static void WriteOperations(string path) =>
        Lambench.Core.Csv.OperationCsvFile.Write(path, ThesisData.Records().SelectMany(r => Enumerable.Range(0, 4).Select(i => new Lambench.Core.Records.OperationRecord
        {
            Configuration = r.Configuration, RequestId = r.RequestId, Operation = "GetItem", Sequence = i, LatencyMs = 1 + i,
            Items = 1, Bytes = 1042, Attempts = 1, Throttles = 0, Label = r.Label, BatchId = r.BatchId, OffsetMs = i < 3 ? i * 2 : 4,
        })));

    /// <summary>Two configurations' open loads of 20 requests a second for 10 s, in requests.csv's columns, some throttled.</summary>
    private static void WriteRequests(string path)
    {
        var lines = new List<string> { "configuration,label,round,sequence,intended_utc,outcome,client_latency_ms,service_time_ms,send_error_ms,request_id,batch_id,start_type,status,duration_ms,init_duration_ms,billed_duration_ms,platform_network_ms,to_start_ms,to_effect_ms" };
        var start = new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
        foreach (var (configuration, service) in new[] { ("python-arm64-512mb", 30.0), ("go-arm64-512mb", 12.0) })
        {
            for (var i = 0; i < 200; i++)
            {
                var intended = start.AddMilliseconds(i * 50).ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture);
                var throttled = i % 25 == 24;
                var latency = throttled ? 2.0 : service + (i % 7) + 5;
                lines.Add(throttled
                    ? $"{configuration},noop,1,{i},{intended},throttled,2,2,0,,b{i},,,,,,,,"
                    : $"{configuration},noop,1,{i},{intended},ok,{latency},{latency},0,r{i},b{i},warm,success,{service},,{Math.Ceiling(service)},{latency - service},,");
            }
        }

        File.WriteAllLines(path, lines);
    }

    /// <summary>Runs pdflatex twice (labels), non-interactive, and returns the log.</summary>
    private string Compile(string pdflatex, string document)
    {
        for (var pass = 0; pass < 2; pass++)
        {
            var start = new ProcessStartInfo(pdflatex) { WorkingDirectory = _directory, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "-interaction=nonstopmode", "-halt-on-error", Path.GetFileName(document) })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "pdflatex did not finish in 2 minutes");
            Assert.True(process.ExitCode == 0, "pdflatex failed: " + string.Join('\n', output.Result.Split('\n').TakeLast(30)));
        }

        return File.ReadAllText(Path.ChangeExtension(document, ".log"));
    }

    /// <summary>What a page that does not fit leaves in the log: overfull boxes, floats too large, glyphs the font lacks.</summary>
    [GeneratedRegex(@"Overfull \\[hv]box|Float too large|Missing character|LaTeX Warning: Reference .* undefined")]
    private static partial Regex Problems();
}
