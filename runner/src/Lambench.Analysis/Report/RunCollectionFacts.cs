using Lambench.Core.Summary;

namespace Lambench.Analysis.Report;

/// <summary>What the collection.json files beside a report's inputs add: throttles per configuration and how each run measured.</summary>
public sealed record RunCollectionFacts(IReadOnlyList<ThrottleRate> Throttles, IReadOnlyList<RunSetup> Setups);
