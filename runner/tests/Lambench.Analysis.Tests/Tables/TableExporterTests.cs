using Lambench.Analysis.Tables;
using Lambench.Core.Cost;
using Lambench.Core.Csv;
using Lambench.Core.Summary;
using Lambench.Tests.Shared;

namespace Lambench.Analysis.Tests.Tables;

/// <summary>
/// Exporter output on the sample data against saved expected files (Expected/), reviewed by hand when first saved.
/// Set LAMBENCH_UPDATE_EXPECTED=1 to rewrite them after a deliberate change, then review the diff.
/// </summary>
public class TableExporterTests
{
    private static readonly PriceCatalog Prices = PriceCatalogLoader.Load();

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var language in new[] { "en", "pt-BR" })
        {
            foreach (var table in new[] { "latency", "failures", "cold-starts", "cost" })
            {
                foreach (var extension in new[] { ".md", ".html", ".tex" })
                {
                    data.Add(language, table, extension);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sample_tables_equal_the_saved_files(string languageCode, string tableId, string extension)
    {
        var language = ReportLanguage.Parse(languageCode);
        var summary = new ConfigurationSummarizer(new LambdaCostModel(Prices)).Summarise(InvocationCsvReader.ReadFile(RepositoryPaths.SampleCsv));
        var table = new ReportTableBuilder(language, Prices).Build(summary).Single(t => t.Id == tableId);
        ITableExporter exporter = extension switch { ".md" => new MarkdownTableExporter(), ".html" => new HtmlTableExporter(), _ => new LatexTableExporter() };
        var actual = exporter.Export(table);
        var name = $"{tableId}.{languageCode}{extension}";
        if (Environment.GetEnvironmentVariable("LAMBENCH_UPDATE_EXPECTED") == "1")
        {
            File.WriteAllText(Path.Combine(RepositoryPaths.Root(), "runner", "tests", "Lambench.Analysis.Tests", "Expected", name), actual);
        }

        Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Expected", name)), actual);
    }

    [Fact]
    public void Latex_escapes_what_latex_would_read_as_commands()
    {
        Assert.Equal("a\\_b \\& 50\\% \\$1 \\#2 \\{x\\} $\\geq$ 1--2", LatexTableExporter.Escape("a_b & 50% $1 #2 {x} ≥ 1–2"));
    }

    [Fact]
    public void Markdown_and_html_escape_their_own_special_characters()
    {
        var table = new ReportTable("t", "A <caption>", [new TableColumn("h|x", false)], [["a|b"]], ["x < y"]);
        Assert.Contains("| a\\|b |", new MarkdownTableExporter().Export(table));
        var html = new HtmlTableExporter().Export(table);
        Assert.Contains("<caption>A &lt;caption&gt;</caption>", html);
        Assert.Contains("<li>x &lt; y</li>", html);
    }

    [Fact]
    public void Portuguese_tables_use_decimal_commas_whatever_the_machine_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            Assert.Equal("3.003,13", ReportLanguage.BrazilianPortuguese.Fixed(3003.128, 2));
            Assert.Equal("3,003.13", ReportLanguage.English.Fixed(3003.128, 2));
            Assert.Equal("–", ReportLanguage.English.Fixed((double?)null, 2));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }
}
