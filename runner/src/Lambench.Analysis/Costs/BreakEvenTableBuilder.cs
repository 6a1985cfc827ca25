using Lambench.Analysis.Tables;
using Lambench.Core.Cost;

namespace Lambench.Analysis.Costs;

/// <summary>The break-even table (en, pt-BR), its CSV sheet, and what the model leaves out, said the same way everywhere.</summary>
public sealed class BreakEvenTableBuilder(ReportLanguage language, FargateTaskSizing sizing, bool withFreeTier)
{
    private string L(string en, string pt) => language.T(en, pt);

    /// <param name="caveats">what the comparison assumes and leaves out (<see cref="Caveats"/>, and anything the caller adds): the table's notes.</param>
    public ReportTable Table(IReadOnlyList<(BreakEvenPoint Point, string Platform, int Invocations)> points, IReadOnlyList<string> caveats)
    {
        var columns = new[]
        {
            new TableColumn(L("Configuration", "Configuração"), false),
            new TableColumn(L("Billed Duration (ms, mean)", "Billed Duration (ms, média)"), true),
            new TableColumn(L("Service time (ms)", "Tempo de serviço (ms)"), true),
            new TableColumn(L("Lambda (USD per million)", "Lambda (USD por milhão)"), true),
            new TableColumn(L("Requests per task a month", "Requisições por tarefa ao mês"), true),
            new TableColumn(L("Break-even (requests a month)", "Equilíbrio (requisições ao mês)"), true),
            new TableColumn(L("Tasks", "Tarefas"), true),
            new TableColumn(L("Cost there (USD a month)", "Custo nesse ponto (USD ao mês)"), true),
        };
        var rows = points.Select(p => (IReadOnlyList<string>)
        [
            p.Point.Configuration, language.Fixed(p.Point.BilledDurationMs, 2), language.Fixed(p.Point.ServiceTimeMs, 2), language.Fixed(p.Point.LambdaUsdPerMillion, 4),
            language.Fixed(p.Point.RequestsPerTaskPerMonth, 0),
            p.Point.RequestsPerMonth is { } v ? language.Fixed(v, 0) : L("none: Lambda stays cheaper", "nenhum: o Lambda continua mais barato"),
            p.Point.Tasks?.ToString(language.Numbers) ?? "–", language.Fixed(p.Point.CostUsdPerMonth, 2),
        ]).ToList();
        return new ReportTable("breakeven", L("Monthly volume at which Lambda costs as much as Fargate tasks", "Volume mensal em que o Lambda custa o mesmo que tarefas Fargate"), columns, rows, caveats);
    }

    /// <summary>What the comparison assumes and leaves out, and where its numbers come from: printed beside the table, the figure and the command's output.</summary>
    public IReadOnlyList<string> Caveats(IReadOnlyList<(BreakEvenPoint Point, string Platform, int Invocations)> points, PriceCatalog prices)
    {
        var caveats = new List<string>
        {
            L($"Tasks: {sizing.Vcpu.ToString(language.Numbers)} vCPU and {sizing.MemoryGb.ToString(language.Numbers)} GB, {sizing.ConcurrencyPerTask} request(s) at a time, used up to {language.Percent((double)sizing.TargetUtilization, 0)} of capacity, at least {sizing.MinimumTasks} running, {sizing.HoursPerMonth.ToString(language.Numbers)} hours a month; load balancer {sizing.LoadBalancerUsdPerMonth.ToString(language.Numbers)} USD a month. Lambda {(withFreeTier ? "after" : "without")} its free tier.",
              $"Tarefas: {sizing.Vcpu.ToString(language.Numbers)} vCPU e {sizing.MemoryGb.ToString(language.Numbers)} GB, {sizing.ConcurrencyPerTask} requisição(ões) por vez, usadas até {language.Percent((double)sizing.TargetUtilization, 0)} da capacidade, ao menos {sizing.MinimumTasks} em execução, {sizing.HoursPerMonth.ToString(language.Numbers)} horas por mês; balanceador de carga {sizing.LoadBalancerUsdPerMonth.ToString(language.Numbers)} USD por mês. Lambda {(withFreeTier ? "após" : "sem")} a faixa gratuita."),
            L("Left out unless set: a load balancer (--lb-usd-per-month), idle capacity kept for peaks (--utilization, --min-tasks), and scaling granularity: tasks are counted for traffic spread evenly over the month, so real peaks need more. Also left out: data transfer, public IPv4 addresses, NAT, image storage, and the time a task takes to start.",
              "Fora do modelo, salvo se definidos: balanceador de carga (--lb-usd-per-month), capacidade ociosa para picos (--utilization, --min-tasks) e a granularidade do escalonamento: as tarefas são contadas para tráfego distribuído por igual no mês, e picos reais pedem mais. Também fora: transferência de dados, endereços IPv4 públicos, NAT, armazenamento de imagens e o tempo de partida de uma tarefa."),
            L("Service time: the mean warm Duration on Lambda at the configuration's memory, unless given (--service-time-ms); a task of another size may run the same code faster or slower.",
              "Tempo de serviço: a Duration média das partidas quentes no Lambda com a memória da configuração, salvo se informado (--service-time-ms); uma tarefa de outro tamanho pode executar o mesmo código mais rápido ou mais devagar."),
        };
        if (points.Any(p => p.Platform != "aws"))
        {
            caveats.Add(L("Durations measured on the local platform: this machine's timings, not AWS figures.", "Durações medidas na plataforma local: tempos desta máquina, não números da AWS."));
        }

        var unconfirmed = prices.UnconfirmedArchitectureItems(["fargate", "lambda.requests", .. points.Select(p => $"lambda.compute.{p.Point.Architecture}")]);
        caveats.Add(L($"Prices: {prices.Origin}, {prices.PricedRegion}", $"Preços: {prices.Origin}, {prices.PricedRegion}") + (unconfirmed.Count > 0 ? L($"; unconfirmed price: {string.Join(", ", unconfirmed)}.", $"; preço não confirmado: {string.Join(", ", unconfirmed)}.") : "."));
        return caveats;
    }

    public DataSheet Sheet(IReadOnlyList<(BreakEvenPoint Point, string Platform, int Invocations)> points) => DataSheet.Of("breakeven", Columns, points);

    private IReadOnlyList<CsvColumn<(BreakEvenPoint Point, string Platform, int Invocations)>> Columns =>
    [
        new("configuration", p => CsvCell.Of(p.Point.Configuration)),
        new("architecture", p => CsvCell.Of(p.Point.Architecture)),
        new("memory_size_mb", p => CsvCell.Integer(p.Point.MemoryMb)),
        new("platform", p => CsvCell.Of(p.Platform)),
        new("warm_invocations", p => CsvCell.Integer(p.Invocations)),
        new("billed_duration_mean_ms", p => CsvCell.Milliseconds((double)p.Point.BilledDurationMs)),
        new("service_time_ms", p => CsvCell.Milliseconds((double)p.Point.ServiceTimeMs)),
        new("task_vcpu", _ => CsvCell.Digits((double)sizing.Vcpu, 6)),
        new("task_memory_gb", _ => CsvCell.Digits((double)sizing.MemoryGb, 6)),
        new("requests_per_task_at_once", _ => CsvCell.Integer(sizing.ConcurrencyPerTask)),
        new("target_utilization", _ => CsvCell.Fraction((double)sizing.TargetUtilization)),
        new("minimum_tasks", _ => CsvCell.Integer(sizing.MinimumTasks)),
        new("load_balancer_usd_per_month", _ => CsvCell.Money(sizing.LoadBalancerUsdPerMonth)),
        new("lambda_free_tier", _ => CsvCell.Of(withFreeTier ? "yes" : "no")),
        new("task_usd_per_month", p => CsvCell.Money(p.Point.TaskUsdPerMonth)),
        new("requests_per_task_per_month", p => CsvCell.Digits((double)p.Point.RequestsPerTaskPerMonth, 12)),
        new("lambda_usd_per_million", p => CsvCell.Money(p.Point.LambdaUsdPerMillion)),
        new("break_even_requests_per_month", p => CsvCell.Integer(p.Point.RequestsPerMonth is { } v ? (long)v : null)),
        new("break_even_tasks", p => CsvCell.Integer(p.Point.Tasks)),
        new("break_even_usd_per_month", p => CsvCell.Money(p.Point.CostUsdPerMonth)),
    ];
}
