using System.Text.Json.Nodes;
using Lambench.Core.Cost;
using Lambench.Core.Records;
using Lambench.Core.Summary;
using Plotly.NET.CSharp;

namespace Lambench.Analysis.Figures;

/// <summary>
/// The figures that weigh cost: cost per configuration, price against performance at the warm p50 and p95 (labelled
/// points, arm64 and x86_64 of the same configuration joined), and the runtime × architecture grid of warm p50 and cost.
/// Costs are the mix at a declared cold share, else warm starts (never the share the protocol happened to force).
/// </summary>
public sealed class CostFigureBuilder(FigureComposer composer, PriceCatalog? prices)
{
    private string L(string en, string pt) => composer.L(en, pt);

    public IReadOnlyList<ReportFigure> Build(SummaryResult summary)
    {
        var warm = summary.Rows.Where(r => r.StartType == StartTypeNames.Warm).ToDictionary(r => r.Stratum);
        var mix = summary.Rows.Where(r => r.StartType == StartTypeNames.Mix).ToList();
        var costed = (mix.Count > 0 ? mix : [.. warm.Values]).Where(r => r.Duration.N > 0 && r.CostPerMillionUsd is not null).ToList();
        var figures = new List<ReportFigure>();
        if (costed.Count == 0)
        {
            return figures;
        }

        var basis = mix.Count > 0
            ? L($"At the declared cold share of {composer.Language.Percent(mix[0].ColdStartRate)}.", $"Na parcela de partidas a frio declarada de {composer.Language.Percent(mix[0].ColdStartRate)}.")
            : L("Warm invocations (no cold share declared: report --cold-share).", "Invocações quentes (nenhuma parcela de partidas a frio declarada: report --cold-share).");
        figures.Add(CostPerConfiguration(costed, basis));
        var points = new PricePerformanceFigure(composer, PriceCaveat(), TitleCaveat());
        // A p50 needs one successful warm start, a p95 twenty: configurations with fewer have none to place.
        foreach (var (id, percentile, pick) in new (string, string, Func<ConfigurationSummary, double?>)[] { ("price-performance", "p50", r => r.Duration.P50), ("cost-vs-p95", "p95", r => r.Duration.P95) })
        {
            var placed = costed.Where(r => pick(warm[r.Stratum]) is not null).Select(r => (Costed: r, Latency: pick(warm[r.Stratum])!.Value)).ToList();
            if (placed.Count > 0)
            {
                figures.Add(points.Build(id, percentile, placed, basis));
            }
        }

        figures.AddRange(new RuntimeArchitectureGrid(composer).Build(costed, warm) is { } grid ? [grid] : []);
        return figures;
    }

    private ReportFigure CostPerConfiguration(List<ConfigurationSummary> rows, string basis)
    {
        var chart = Chart.Column<double, string, string>(
            rows.Select(r => (double)r.CostPerMillionUsd!.Value).ToArray(),
            Keys: rows.Select(r => r.Stratum).ToArray(),
            Name: L("USD per million invocations", "USD por milhão de invocações"));
        return composer.Compose("cost", L("Lambda cost per million invocations", "Custo do Lambda por milhão de invocações") + TitleCaveat(),
            chart, L("Configuration", "Configuração"), "USD",
            L("Compute and requests at first-tier list prices, from each invocation's Billed Duration.", "Computação e requisições a preços de tabela do primeiro escalão, pelo Billed Duration de cada invocação.") + " " + basis + PriceCaveat());
    }

    /// <summary>" Unconfirmed price (…)." where the price file marks a figure of its region as not confirmed.</summary>
    private string PriceCaveat() => prices?.UnconfirmedItems(lambdaOnly: true) is { Count: > 0 } items
        ? " " + L($"Unconfirmed price for {prices.PricedRegion}: {string.Join(", ", items)}.", $"Preço não confirmado para {prices.PricedRegion}: {string.Join(", ", items)}.")
        : string.Empty;

    /// <summary>In the title, so the SVG, PNG and PDF files carry it too, not only the report page's caption.</summary>
    private string TitleCaveat() => prices?.UnconfirmedItems(lambdaOnly: true) is { Count: > 0 }
        ? L($" ({prices.PricedRegion}: unconfirmed price)", $" ({prices.PricedRegion}: preço não confirmado)")
        : string.Empty;
}
