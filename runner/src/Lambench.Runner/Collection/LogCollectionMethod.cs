namespace Lambench.Runner.Collection;

/// <summary>How the collector fetches log lines: FilterLogEvents, Logs Insights queries, or Insights only for large configurations.</summary>
public enum LogCollectionMethod
{
    /// <summary>Logs Insights for a configuration with more than <see cref="InvocationCollector.InsightsThreshold"/> measured invocations, FilterLogEvents otherwise.</summary>
    Auto,
    FilterLogEvents,
    Insights,
}
