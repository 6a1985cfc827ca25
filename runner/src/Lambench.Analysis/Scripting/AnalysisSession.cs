using System.Globalization;
using Lambench.Analysis.Figures;
using Lambench.Analysis.Report;
using Lambench.Analysis.Frames;
using Lambench.Analysis.Tables;
using Lambench.Core.Cost;
using Lambench.Core.Csv;
using Lambench.Core.Records;
using Lambench.Core.Summary;
using Microsoft.Data.Analysis;

namespace Lambench.Analysis.Scripting;

/// <summary>
/// What an analysis script or notebook starts from: invocations loaded from CSVs, prices, the summary computed once,
/// and the report's tables. The same numbers as <c>lambench report</c>, because it is the same code.
/// </summary>
public sealed class AnalysisSession
{
    public const string Usage = "[invocations.csv ...] [--lang en|pt-BR] [--region R] [--prices FILE] [--monthly-invocations N] [--cold-share 5%] [--out DIR]";

    private AnalysisSession(IReadOnlyList<string> inputs, IReadOnlyList<InvocationRecord> invocations, PriceCatalog prices, ReportLanguage language, long monthlyInvocations, string? outputDirectory, double? coldShare = null)
    {
        Inputs = inputs;
        Invocations = invocations;
        Prices = prices;
        Language = language;
        MonthlyInvocations = monthlyInvocations;
        ColdShare = coldShare;
        OutputDirectory = outputDirectory;
        // As the report does: a run's throttles and setup from the collection.json beside its invocations.csv.
        Summary = RunCollections.Load(inputs).AddTo(new ConfigurationSummarizer(new LambdaCostModel(prices), monthlyInvocations, coldShare).Summarise(invocations));
        Tables = new ReportTableBuilder(language, prices);
        figures = new Lazy<IReadOnlyList<ReportFigure>>(() => new ReportFigureBuilder(language, prices).Build(Summary, Invocations));
        frame = new Lazy<DataFrame>(() => InvocationFrame.Create(Invocations));
    }

    private readonly Lazy<IReadOnlyList<ReportFigure>> figures;
    private readonly Lazy<DataFrame> frame;

    public IReadOnlyList<string> Inputs { get; }
    public IReadOnlyList<InvocationRecord> Invocations { get; }
    public PriceCatalog Prices { get; }
    public ReportLanguage Language { get; }
    public long MonthlyInvocations { get; }

    /// <summary>The cold share of a production mix given with --cold-share (the mix rows); null: none.</summary>
    public double? ColdShare { get; }
    public string? OutputDirectory { get; }
    public SummaryResult Summary { get; }
    public ReportTableBuilder Tables { get; }

    /// <summary>The report's figures, built on first use.</summary>
    public IReadOnlyList<ReportFigure> Figures => figures.Value;

    /// <summary>The invocations as a DataFrame (invocations.csv's columns), built on first use.</summary>
    public DataFrame Frame => frame.Value;

    /// <summary>One of the report's figures by id: percentiles, distribution, ecdf, histogram, drift, cold-vs-warm, cost, price-performance, cost-vs-p95, grid (those the data has).</summary>
    public ReportFigure Figure(string id) => Figures.FirstOrDefault(f => f.Id == id)
        ?? throw new ArgumentException($"no figure '{id}' for this data; there are: {string.Join(", ", Figures.Select(f => f.Id))}");

    /// <summary>
    /// A session for a notebook: <paramref name="data"/> is an invocations CSV, a directory holding invocations.csv
    /// (a run directory, or data/sample), a wildcard (runs/*/invocations.csv), or several of these separated by ';'.
    /// </summary>
    public static AnalysisSession Open(string data, string language = "en", long monthlyInvocations = ConfigurationSummarizer.DefaultMonthlyInvocations, string region = PriceCatalogLoader.DefaultRegion, string? prices = null)
    {
        var inputs = InputPaths.Expand(data.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        return new AnalysisSession(inputs, Read(inputs), PriceCatalogLoader.LoadForRegion(region, prices), ReportLanguage.Parse(language), monthlyInvocations, null);
    }

    /// <summary>Every input's invocations side by side, refusing a request id twice and an input without rows.</summary>
    private static IReadOnlyList<InvocationRecord> Read(IReadOnlyList<string> inputs)
    {
        var invocations = ReportInputs.Load(inputs);
        return invocations.Count > 0 ? invocations : throw new ArgumentException($"{string.Join(", ", inputs)}: no invocations (no rows): nothing to analyse");
    }

    /// <summary>
    /// Writes the named figures as JSON, and as SVG and PNG when Chromium is installed, into <paramref name="directory"/>.
    /// Returns the files written and, when Chromium is missing, a warning.
    /// </summary>
    public async Task<(IReadOnlyList<string> Files, string? Warning)> WriteFiguresAsync(string directory, params string[] ids)
    {
        var result = await FigureFiles.WriteAsync(ids.Select(Figure).ToList(), directory, staticFigures: true);
        return (result.Files, result.Warning);
    }

    /// <summary>Reads the options of <see cref="Usage"/>. Without inputs, the repository's sample data is used.</summary>
    /// <exception cref="ArgumentException">an option or input that cannot be used; the message says which.</exception>
    public static AnalysisSession FromArguments(IReadOnlyList<string> args)
    {
        var inputs = new List<string>();
        string language = "en", region = PriceCatalogLoader.DefaultRegion;
        string? prices = null, output = null;
        var monthly = ConfigurationSummarizer.DefaultMonthlyInvocations;
        double? coldShare = null;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. Usage: {Usage}");
            switch (args[i])
            {
                case "--lang": language = Value(); break;
                case "--region": region = Value(); break;
                case "--prices": prices = Value(); break;
                case "--out": output = Value(); break;
                case "--monthly-invocations":
                    var text = Value();
                    monthly = MonthlyVolume.TryParse(text, out var n) ? n : throw new ArgumentException(MonthlyVolume.Error("--monthly-invocations", text));
                    break;
                case "--cold-share":
                    var share = Value();
                    coldShare = DeclaredColdShare.TryParse(share, out var s) ? s : throw new ArgumentException(DeclaredColdShare.Error("--cold-share", share));
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    throw new ArgumentException($"unknown option {option}. Usage: {Usage}");
                default: inputs.Add(args[i]); break;
            }
        }

        if (inputs.Count == 0)
        {
            inputs.Add(SampleData());
        }

        var expanded = InputPaths.Expand(inputs);
        return new AnalysisSession(expanded, Read(expanded), PriceCatalogLoader.LoadForRegion(region, prices), ReportLanguage.Parse(language), monthly, output, coldShare);
    }

    /// <summary>data/sample/invocations.csv of the repository the current directory is in.</summary>
    public static string SampleData()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "data", "sample", "invocations.csv");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new ArgumentException("no inputs given and no data/sample/invocations.csv above the current directory");
    }

    /// <summary>
    /// Runs a script's body on a session built from its arguments. Bad input ends with a one-line message on standard
    /// error and exit code 2, not a stack trace.
    /// </summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, Func<AnalysisSession, Task> body)
    {
        AnalysisSession session;
        try
        {
            session = FromArguments(args);
        }
        catch (Exception e) when (e is ArgumentException or PriceCatalogException or InvalidDataException or IOException)
        {
            await Console.Error.WriteLineAsync("error: " + e.Message);
            return 2;
        }

        await body(session);
        return 0;
    }

    /// <summary>A table as Markdown, for a terminal or a notebook's text output.</summary>
    public static string Markdown(ReportTable table) => new MarkdownTableExporter().Export(table);
}
