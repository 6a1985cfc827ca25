using Lambench.Core.Summary;

namespace Lambench.Analysis.Report;

/// <summary>What the collection.json files beside a report's inputs add: throttles per configuration and how each run measured.</summary>
public sealed record RunCollectionFacts(IReadOnlyList<ThrottleRate> Throttles, IReadOnlyList<RunSetup> Setups)
{
    /// <summary>The summary with these throttles and setups, as the report and the notebooks' session show them.</summary>
    public SummaryResult AddTo(SummaryResult summary) => summary with { Throttles = Throttles, Setups = Setups };
}
