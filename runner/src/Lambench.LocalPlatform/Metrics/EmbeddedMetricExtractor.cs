using Lambench.Core.Metrics;
using Lambench.LocalPlatform.Logs;

namespace Lambench.LocalPlatform.Metrics;

/// <summary>
/// What CloudWatch Logs does with an embedded-metric-format event: the metrics it declares go to the metric store at
/// the document's timestamp. A line that claims to be EMF (a JSON object with "_aws") but breaks the specification
/// yields no metric and is counted, as CloudWatch counts EMF parsing and validation errors; the log line stays either way.
/// </summary>
public sealed class EmbeddedMetricExtractor(MetricStore store)
{
    private long documents;
    private long invalid;

    /// <summary>EMF documents whose metrics were stored.</summary>
    public long Documents => Interlocked.Read(ref documents);

    /// <summary>Lines that claimed to be EMF and were not valid; none of their metrics were stored.</summary>
    public long Invalid => Interlocked.Read(ref invalid);

    public void Observe(LogEvent logEvent)
    {
        if (!EmbeddedMetricFormat.LooksLikeEmf(logEvent.Message))
        {
            return;
        }

        if (!EmbeddedMetricFormat.TryParseJson(logEvent.Message, out var root, out _))
        {
            Interlocked.Increment(ref invalid);
            return;
        }

        if (!EmbeddedMetricFormat.Claims(root))
        {
            return; // "_aws" was only text inside another member: not an EMF line
        }

        if (EmbeddedMetricFormat.TryRead(root, out var document, out _))
        {
            store.Put(document!);
            Interlocked.Increment(ref documents);
        }
        else
        {
            Interlocked.Increment(ref invalid);
        }
    }
}
