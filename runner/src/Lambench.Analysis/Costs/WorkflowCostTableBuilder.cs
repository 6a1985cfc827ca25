using System.Globalization;
using Lambench.Analysis.Tables;
using Lambench.Core.Vocabulary;
using Lambench.Core.Workflows;

namespace Lambench.Analysis.Costs;

/// <summary>
/// An architecture's monthly cost as tables a reader can follow line by line (quantity × unit price = cost, the free
/// tiers as lines of their own, then the total), and the sensitivity table (the same architecture at other volumes),
/// in English or Brazilian Portuguese.
/// </summary>
public sealed class WorkflowCostTableBuilder(ReportLanguage language)
{
    private string L(string en, string pt) => language.T(en, pt);

    public ReportTable LineItems(WorkflowCost cost, IReadOnlyList<string> unconfirmed)
    {
        var columns = new[]
        {
            new TableColumn(L("Service", "Serviço"), false),
            new TableColumn(L("Item", "Item"), false),
            new TableColumn(L("Quantity per month", "Quantidade por mês"), true),
            new TableColumn(L("Unit price (USD)", "Preço unitário (USD)"), true),
            new TableColumn(L("Cost per month (USD)", "Custo por mês (USD)"), true),
        };
        var rows = cost.Lines.Select(line => (IReadOnlyList<string>)
        [
            Service(line.Service), Item(line), Quantity(line), UnitPrice(line), Money(line.CostUsd),
        ]).ToList();
        rows.Add([L("Total", "Total"), string.Empty, string.Empty, string.Empty, Money(cost.TotalUsd)]);
        var caption = L($"Monthly cost of {cost.Spec.Name} at {Count(cost.ExecutionsPerMonth)} executions a month", $"Custo mensal de {cost.Spec.Name} com {Count(cost.ExecutionsPerMonth)} execuções por mês");
        return new ReportTable("workflow-cost", caption, columns, rows, Legend(cost, unconfirmed));
    }

    public ReportTable Sensitivity(IReadOnlyList<WorkflowCost> costs, IReadOnlyList<string> unconfirmed)
    {
        var services = costs.SelectMany(c => c.ByService.Select(s => s.Service)).Distinct().Order().ToList();
        var columns = new List<TableColumn>
        {
            new(L("Volume", "Volume"), true),
            new(L("Executions per month", "Execuções por mês"), true),
        };
        columns.AddRange(services.Select(s => new TableColumn(Service(s) + " (USD)", true)));
        columns.Add(new TableColumn(L("Total (USD)", "Total (USD)"), true));
        var rows = costs.Select(c => (IReadOnlyList<string>)
            [
                "×" + c.Multiplier.ToString("0.###", language.Numbers),
                Count(c.ExecutionsPerMonth),
                .. services.Select(s => Money(c.ByService.FirstOrDefault(b => b.Service == s).CostUsd)),
                Money(c.TotalUsd),
            ]).ToList();
        var caption = L($"Monthly cost of {costs[0].Spec.Name} at other volumes", $"Custo mensal de {costs[0].Spec.Name} em outros volumes");
        var legend = new List<string>
        {
            L("Each row prices the whole architecture again at that many executions: free tiers are taken off once at every volume, so costs do not scale in proportion below them. What a bucket holds is scaled with the executions.",
              "Cada linha calcula de novo a arquitetura inteira com essa quantidade de execuções: as faixas gratuitas são descontadas uma vez em cada volume, por isso os custos não crescem em proporção abaixo delas. O volume guardado nos buckets cresce com as execuções."),
        };
        legend.AddRange(PriceNotes(costs[0], unconfirmed));
        return new ReportTable("workflow-sensitivity", caption, columns, rows, legend);
    }

    private List<string> Legend(WorkflowCost cost, IReadOnlyList<string> unconfirmed)
    {
        var legend = new List<string>
        {
            L($"{Count(cost.Spec.ExecutionsPerDay)} executions a day over {Count(cost.Spec.DaysPerMonth)} days. Cost = quantity × unit price; prices per 1,000 or 1,000,000 units are shown as such. A free tier is a negative line, taken off once for the whole architecture (Lambda's shared by its architectures in proportion to their GB-seconds).",
              $"{Count(cost.Spec.ExecutionsPerDay)} execuções por dia ao longo de {Count(cost.Spec.DaysPerMonth)} dias. Custo = quantidade × preço unitário; preços por 1.000 ou 1.000.000 de unidades aparecem assim. Uma faixa gratuita é uma linha negativa, descontada uma vez para a arquitetura inteira (a do Lambda repartida entre as arquiteturas na proporção de seus GB-segundos)."),
            L("Standard workflow transitions: each state entered is one, a Map state counts itself once and its inner states once per item, each retry one more. Lambda: invocations × mean Billed Duration × memory in GB.",
              "Transições de fluxos standard: cada estado em que se entra conta uma, um estado Map conta a si mesmo uma vez e seus estados internos uma vez por item, cada nova tentativa mais uma. Lambda: invocações × Billed Duration média × memória em GB."),
            L("Left out: data transfer, CloudWatch metrics and alarms, KMS, NAT gateways, and any free tier the price file does not hold (SQS's, S3's).",
              "Fora do modelo: transferência de dados, métricas e alarmes do CloudWatch, KMS, NAT gateways e toda faixa gratuita que o arquivo de preços não traz (a do SQS, a do S3)."),
        };
        legend.AddRange(cost.Spec.Functions.Select(f => L($"{f.Name}: {Count(f.DurationMs)} ms ({f.DurationSource}).", $"{f.Name}: {Count(f.DurationMs)} ms ({Source(f.DurationSource)}).")));
        legend.AddRange(PriceNotes(cost, unconfirmed));
        return legend;
    }

    private IEnumerable<string> PriceNotes(WorkflowCost cost, IReadOnlyList<string> unconfirmed)
    {
        yield return L($"Prices: {cost.PriceOrigin}, {cost.PricedRegion}.", $"Preços: {cost.PriceOrigin}, {cost.PricedRegion}.");
        if (unconfirmed.Count > 0)
        {
            yield return L($"Unconfirmed price: {string.Join(", ", unconfirmed)} (the price file names the source of each).", $"Preço não confirmado: {string.Join(", ", unconfirmed)} (o arquivo de preços indica a fonte de cada um).");
        }
    }

    private string Source(string source) => source == "assumed" ? "suposta" : source.Replace("measured: mean Billed Duration of", "medida: média da Billed Duration de", StringComparison.Ordinal).Replace("successful invocations of", "invocações bem-sucedidas de", StringComparison.Ordinal).Replace(" in ", " em ", StringComparison.Ordinal);

    private string Count(double value) => value.ToString(value == Math.Floor(value) ? "N0" : "N2", language.Numbers);

    private string Money(decimal value) => value.ToString(Math.Abs(value) >= 1 ? "N2" : "N4", language.Numbers);

    private string Quantity(CostLine line) => line.Unit == CostUnit.Usd ? string.Empty
        : $"{line.Quantity.ToString(line.Quantity == Math.Floor(line.Quantity) ? "N0" : "N2", language.Numbers)} {Unit(line.Unit)}";

    private string UnitPrice(CostLine line) => line.Unit == CostUnit.Usd ? string.Empty
        : line.UnitPriceUsd.ToString("0.##########", language.Numbers) + (line.PricePer == 1 ? string.Empty : L(" per ", " por ") + line.PricePer.ToString("N0", language.Numbers));

    private string Item(CostLine line) => (line.Subject is { } subject ? subject + ": " : string.Empty) + line.Item switch
    {
        CostItem.Compute => L("compute", "computação"),
        CostItem.Requests => L("requests", "requisições"),
        CostItem.Transitions => L("state transitions", "transições de estado"),
        CostItem.Duration => L("duration", "duração"),
        CostItem.TierDiscount => L("later tiers' lower price", "preço menor das faixas seguintes"),
        CostItem.FreeTier => L("free tier", "faixa gratuita"),
        CostItem.Storage => L("storage", "armazenamento"),
        CostItem.Writes => L("writes", "gravações"),
        CostItem.Reads => L("reads", "leituras"),
        CostItem.Ingestion => L("log ingestion", "ingestão de logs"),
        CostItem.ScheduledEvents => L("scheduler invocations", "invocações do agendador"),
        _ => L("custom events", "eventos personalizados"),
    };

    private string Unit(CostUnit unit) => unit switch
    {
        CostUnit.GbSeconds => L("GB-s", "GB-s"),
        CostUnit.Requests => L("requests", "requisições"),
        CostUnit.Transitions => L("transitions", "transições"),
        CostUnit.GbMonths => L("GB-months", "GB-mês"),
        CostUnit.WriteUnits => L("write units", "unidades de gravação"),
        CostUnit.ReadUnits => L("read units", "unidades de leitura"),
        CostUnit.Events => L("events", "eventos"),
        _ => "GB",
    };

    private static string Service(CloudService service) => service switch
    {
        CloudService.StepFunctions => "Step Functions",
        CloudService.Lambda => "Lambda",
        CloudService.Sqs => "SQS",
        CloudService.S3 => "S3",
        CloudService.DynamoDb => "DynamoDB",
        CloudService.CloudWatchLogs => "CloudWatch Logs",
        _ => "EventBridge",
    };

    /// <summary>The lines as a CSV sheet (invariant numbers, units in the column names): the figures a notebook or spreadsheet recomputes.</summary>
    public static DataSheet LinesSheet(WorkflowCost cost) => DataSheet.Of("workflow_cost", LineColumns, cost.Lines);

    private static readonly IReadOnlyList<CsvColumn<CostLine>> LineColumns =
    [
        new("service", l => CsvCell.Of(l.Service.Name())),
        new("item", l => CsvCell.Of(l.Item.Name())),
        new("subject", l => CsvCell.Of(l.Subject)),
        new("quantity", l => CsvCell.Digits((double)l.Quantity, 12)),
        new("unit", l => CsvCell.Of(l.Unit.Name())),
        new("unit_price_usd", l => CsvCell.Digits((double)l.UnitPriceUsd, 12)),
        new("price_per_units", l => CsvCell.Digits((double)l.PricePer, 12)),
        new("cost_usd", l => CsvCell.Money(l.CostUsd)),
        new("price_key", l => CsvCell.Of(l.PriceKey)),
    ];

    /// <summary>The sensitivity table as a CSV sheet: one row per volume, a cost column per service (USD), the total.</summary>
    public static DataSheet SensitivitySheet(IReadOnlyList<WorkflowCost> costs)
    {
        var services = costs.SelectMany(c => c.ByService.Select(s => s.Service)).Distinct().Order().ToList();
        var columns = new List<CsvColumn<WorkflowCost>>
        {
            new("multiplier", c => CsvCell.Digits(c.Multiplier, 6)),
            new("executions_per_month", c => CsvCell.Digits(c.ExecutionsPerMonth, 12)),
        };
        columns.AddRange(services.Select(s => new CsvColumn<WorkflowCost>(s.Name() + "_usd", c => CsvCell.Money(c.ByService.FirstOrDefault(b => b.Service == s).CostUsd))));
        columns.Add(new("total_usd", c => CsvCell.Money(c.TotalUsd)));
        return DataSheet.Of("workflow_sensitivity", columns, costs);
    }
}
