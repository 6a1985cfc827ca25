using Lambench.LocalPlatform.DynamoDb;
using Lambench.LocalPlatform.Functions;
using Lambench.LocalPlatform.Logs;
using Lambench.LocalPlatform.Metrics;
using Lambench.LocalPlatform.Sqs;
using Microsoft.AspNetCore.Builder;

namespace Lambench.LocalPlatform;

/// <summary>
/// Everything the platform must dispose, owned in one place from the moment each part exists: a start that fails
/// part-way disposes what it had made (the web host, the log store, dynalite, function processes, triggers), and a
/// running platform disposes it all the same way, in the reverse order of creation.
/// </summary>
internal sealed class PlatformParts : IAsyncDisposable
{
    public WebApplication? App { get; set; }
    public bool AppStarted { get; set; }
    public LogStore? Logs { get; set; }
    public MetricStore Metrics { get; } = new();

    /// <summary>Turns the functions' embedded-metric-format lines into <see cref="Metrics"/>, as CloudWatch Logs does.</summary>
    public EmbeddedMetricExtractor EmbeddedMetrics => embeddedMetrics ??= new EmbeddedMetricExtractor(Metrics);

    private EmbeddedMetricExtractor? embeddedMetrics;
    public EnvironmentRegistry Registry { get; } = new();
    public Dictionary<string, FunctionHost> Functions { get; } = new(StringComparer.Ordinal);
    public SqsService? Sqs { get; set; }
    public DynaliteServer? DynamoDb { get; set; }
    public List<EventSourceMapping> Mappings { get; } = [];
    public Timer? Eviction { get; set; }

    /// <summary>The port the web host listens on, once it does (the request guard checks the Host header against it).</summary>
    public int BoundPort { get; set; }

    public async ValueTask DisposeAsync()
    {
        if (Eviction is not null)
        {
            await Eviction.DisposeAsync();
        }

        foreach (var mapping in Mappings)
        {
            await mapping.DisposeAsync();
        }

        foreach (var host in Functions.Values)
        {
            host.Dispose();
        }

        if (DynamoDb is not null)
        {
            await DynamoDb.DisposeAsync();
        }

        if (App is not null)
        {
            if (AppStarted)
            {
                await App.StopAsync();
            }

            await App.DisposeAsync();
        }

        Logs?.Dispose();
    }
}
