using Lambench.Analysis.Figures;
using Lambench.Core.Statistics;
using Plotly.NET.CSharp;

namespace Lambench.Analysis.Load;

/// <summary>
/// The figures of a load: successful answers and throttles per second over time (with a throughput bound, when one is
/// given), client latency percentiles per second over time, and client latency split into what the REPORT line
/// accounts for (Duration, Init) and the rest (the platform and the network, or for a queue the wait before the
/// function started). One series per configuration, label and round.
/// </summary>
public sealed class LoadFigureBuilder(ReportLanguage language)
{
    private readonly FigureComposer composer = new(language);

    private string L(string en, string pt) => composer.L(en, pt);

    /// <param name="boundPerSecond">the most the system can serve (for a step of s seconds capped at c, c / s), drawn as a line.</param>
    public IReadOnlyList<ReportFigure> Build(IReadOnlyList<ClientRequest> requests, double? boundPerSecond = null)
    {
        if (requests.Count == 0)
        {
            return [];
        }

        var series = requests.GroupBy(SeriesOf).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        return new[] { Throughput(series, boundPerSecond), Latency(series), AgainstOffered(series), Breakdown(series) }.OfType<ReportFigure>().ToList();
    }

    /// <summary>The depth of each queued load's queue over time (waiting and in flight), named by its series.</summary>
    public ReportFigure? QueueDepth(IReadOnlyList<(string Series, IReadOnlyList<QueueDepthSample> Samples)> queues)
    {
        if (queues.Count == 0)
        {
            return null;
        }

        var traces = queues.SelectMany(q => new[]
        {
            Chart.Line<double, long, string>(x: q.Samples.Select(s => s.ElapsedS).ToArray(), y: q.Samples.Select(s => s.Visible).ToArray(), Name: L($"{q.Series}: waiting", $"{q.Series}: aguardando")),
            Chart.Line<double, long, string>(x: q.Samples.Select(s => s.ElapsedS).ToArray(), y: q.Samples.Select(s => s.InFlight).ToArray(), Name: L($"{q.Series}: in flight", $"{q.Series}: em processamento")),
        });
        return composer.Compose("load-queue-depth", L("Queue depth while the load ran and drained", "Profundidade da fila durante a carga e o esvaziamento"), Chart.Combine(traces),
            L("Time since the load started (s)", "Tempo desde o início da carga (s)"), L("Messages", "Mensagens"),
            L("SQS's approximate counts, sampled every second until the queue was empty twice in a row.", "Contagens aproximadas do SQS, amostradas a cada segundo até a fila estar vazia duas vezes seguidas."));
    }

    /// <summary>The series name of a request: configuration, batch label, and the round after the first.</summary>
    public static string SeriesOf(ClientRequest r) => $"{r.Configuration} {r.Label}{(r.Round > 1 ? $" r{r.Round}" : string.Empty)}";

    private ReportFigure Throughput(List<IGrouping<string, ClientRequest>> series, double? bound)
    {
        // One-second bins show a 3-second step as spikes; loads of a minute or more are binned by 5 s.
        var longest = series.Max(g => g.Max(r => r.CompletedS));
        var width = longest >= 60 ? 5 : 1;
        var traces = new List<Plotly.NET.GenericChart>();
        foreach (var group in series)
        {
            var bins = (int)(group.Max(r => r.CompletedS) / width) + 1;
            var ok = new double[bins];
            var throttled = new double[bins];
            foreach (var r in group)
            {
                if (r.Outcome == ClientRequest.Ok)
                {
                    ok[(int)(r.CompletedS / width)] += 1.0 / width;
                }
                else if (r.Outcome == ClientRequest.Throttled)
                {
                    throttled[(int)(r.IntendedS / width)] += 1.0 / width;
                }
            }

            var x = Enumerable.Range(0, bins).Select(b => (double)b * width).ToArray();
            traces.Add(Chart.Line<double, double, string>(x: x, y: ok, Name: L($"{group.Key}: answered", $"{group.Key}: respondidas")));
            if (throttled.Any(t => t > 0))
            {
                traces.Add(Chart.Line<double, double, string>(x: x, y: throttled, Name: L($"{group.Key}: throttled", $"{group.Key}: limitadas (429)")));
            }
        }

        if (bound is { } limit)
        {
            traces.Add(Chart.Line<double, double, string>(x: [0, longest], y: [limit, limit], Name: L($"bound: {language.Fixed(limit, 2)}/s", $"limite: {language.Fixed(limit, 2)}/s")));
        }

        return composer.Compose("load-throughput", L("Answers and throttles per second", "Respostas e limitações por segundo"), Chart.Combine(traces),
            L("Time since the load started (s)", "Tempo desde o início da carga (s)"), L("Requests per second", "Requisições por segundo"),
            L($"Successful answers per second, by when they arrived, and requests refused (429) per second, by when they were sent; {width}-second bins.",
              $"Respostas bem-sucedidas por segundo, pelo instante de chegada, e requisições recusadas (429) por segundo, pelo instante de envio; intervalos de {width} s."));
    }

    private ReportFigure Latency(List<IGrouping<string, ClientRequest>> series)
    {
        var traces = new List<Plotly.NET.GenericChart>();
        foreach (var group in series)
        {
            var perSecond = group.Where(r => r.Outcome == ClientRequest.Ok).GroupBy(r => (int)r.CompletedS).OrderBy(g => g.Key)
                .Select(g => (Second: (double)g.Key, Sorted: g.Select(r => r.ClientLatencyMs).Order().ToArray())).ToList();
            traces.Add(Chart.Line<double, double, string>(x: perSecond.Select(p => p.Second).ToArray(), y: perSecond.Select(p => Percentiles.Linear(p.Sorted, 50)).ToArray(), Name: $"{group.Key} p50"));
            var wide = perSecond.Where(p => p.Sorted.Length >= MinimumSampleSizes.P95).ToList();
            if (wide.Count > 0)
            {
                traces.Add(Chart.Line<double, double, string>(x: wide.Select(p => p.Second).ToArray(), y: wide.Select(p => Percentiles.Linear(p.Sorted, 95)).ToArray(), Name: $"{group.Key} p95"));
            }
        }

        return composer.Compose("load-latency", L("Client latency over time", "Latência do cliente ao longo do tempo"), Chart.Combine(traces),
            L("Time since the load started (s)", "Tempo desde o início da carga (s)"), L("Client latency (ms)", "Latência do cliente (ms)"),
            L($"From each request's intended send time to its answer, successful requests, per second of the answer; p95 where a second has at least {MinimumSampleSizes.P95} answers.",
              $"Do instante planejado de envio de cada requisição até a resposta, requisições bem-sucedidas, por segundo da resposta; p95 onde um segundo tem ao menos {MinimumSampleSizes.P95} respostas."));
    }

    /// <summary>
    /// Client latency percentiles against the load offered, window by window (10 s, or 5 s for loads under a minute):
    /// the offered rate is the requests whose intended send time falls in the window, the percentiles are of the
    /// successful ones among them; a window needs 20 answers for its p95.
    /// </summary>
    private ReportFigure? AgainstOffered(List<IGrouping<string, ClientRequest>> series)
    {
        var width = series.Max(g => g.Max(r => r.IntendedS)) >= 60 ? 10.0 : 5.0;
        var traces = new List<Plotly.NET.GenericChart>();
        foreach (var group in series)
        {
            var windows = group.GroupBy(r => (int)(r.IntendedS / width))
                .Select(w => (Offered: w.Count() / width, Sorted: w.Where(r => r.Outcome == ClientRequest.Ok).Select(r => r.ClientLatencyMs).Order().ToArray()))
                .Where(w => w.Sorted.Length >= MinimumSampleSizes.P95)
                .OrderBy(w => w.Offered)
                .ToList();
            if (windows.Count == 0)
            {
                continue;
            }

            foreach (var percentile in new[] { 50, 95 })
            {
                traces.Add(Chart.Point<double, double, string>(x: windows.Select(w => w.Offered).ToArray(), y: windows.Select(w => Percentiles.Linear(w.Sorted, percentile)).ToArray(), Name: $"{group.Key} p{percentile}"));
            }
        }

        if (traces.Count == 0)
        {
            return null; // no window has the answers a p95 needs
        }

        return composer.Compose("load-percentiles-vs-offered", L("Client latency against the load offered", "Latência do cliente em função da carga oferecida"), Chart.Combine(traces),
            L("Requests offered per second", "Requisições oferecidas por segundo"), L("Client latency (ms)", "Latência do cliente (ms)"),
            L($"Each point a {width:F0}-second window: requests whose intended send time falls in it, per second, and the percentile of the successful ones (p95 from {MinimumSampleSizes.P95} answers).",
              $"Cada ponto uma janela de {width:F0} s: requisições com instante planejado de envio nela, por segundo, e o percentil das bem-sucedidas (p95 a partir de {MinimumSampleSizes.P95} respostas)."));
    }

    private ReportFigure Breakdown(List<IGrouping<string, ClientRequest>> series)
    {
        var keys = new List<string>();
        double[] duration = new double[series.Count], init = new double[series.Count], rest = new double[series.Count];
        for (var i = 0; i < series.Count; i++)
        {
            // Means, not medians: the parts of a mean add up to the mean of the whole.
            var joined = series[i].Where(r => r.Outcome == ClientRequest.Ok && r.DurationMs is not null).ToList();
            keys.Add(series[i].Key);
            if (joined.Count == 0)
            {
                continue;
            }

            duration[i] = joined.Average(r => r.DurationMs!.Value);
            init[i] = joined.Average(r => r.InitDurationMs ?? 0);
            rest[i] = joined.Average(r => r.PlatformNetworkMs ?? r.ToStartMs ?? 0);
        }

        var queued = series.Any(g => g.Any(r => r.ToStartMs is not null));
        var chart = Chart.Combine(
        [
            Chart.StackedColumn<double, string, string>(duration, Keys: keys.ToArray(), Name: "Duration"),
            Chart.StackedColumn<double, string, string>(init, Keys: keys.ToArray(), Name: "Init Duration"),
            Chart.StackedColumn<double, string, string>(rest, Keys: keys.ToArray(), Name: queued ? L("send to start", "envio ao início") : L("platform and network", "plataforma e rede")),
        ]);
        return composer.Compose("load-breakdown", L("Where a request's time went", "Onde foi o tempo de uma requisição"), chart,
            L("Configuration and batch", "Configuração e lote"), "ms",
            L("Means over successful requests joined with their REPORT line: Duration, Init Duration (0 for warm starts) and the rest of the client latency (synchronous channels) or the time from the send to the function's start (queues).",
              "Médias sobre as requisições bem-sucedidas unidas à sua linha REPORT: Duration, Init Duration (0 nas partidas a quente) e o restante da latência do cliente (canais síncronos) ou o tempo do envio ao início da função (filas)."),
            figure => figure["layout"]!["barmode"] = "stack");
    }
}
