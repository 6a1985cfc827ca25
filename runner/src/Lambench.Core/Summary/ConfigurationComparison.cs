using Lambench.Core.Statistics;

namespace Lambench.Core.Summary;

/// <summary>
/// Two configurations that differ in exactly one factor, compared on one metric and start type. Ratio = candidate
/// median / baseline median; Cliff's delta &gt; 0 means the candidate's values tend to be larger (slower).
/// </summary>
public sealed record ConfigurationComparison
{
    public required string Baseline { get; init; }
    public required string Candidate { get; init; }

    /// <summary>The workload (batch label) both sides ran; null where none was logged.</summary>
    public string? Workload { get; init; }
    public required string Factor { get; init; }
    public required string BaselineValue { get; init; }
    public required string CandidateValue { get; init; }
    public required string StartType { get; init; }
    public required string Metric { get; init; }
    public int BaselineN { get; init; }
    public int CandidateN { get; init; }
    public double BaselineMedian { get; init; }
    public double CandidateMedian { get; init; }
    public double? MedianRatio { get; init; }
    public ConfidenceInterval? MedianRatioCi95 { get; init; }
    public double MannWhitneyU { get; init; }
    public double MannWhitneyPValue { get; init; }

    /// <summary>The p-value after Holm's adjustment over every comparison row of the same report (the family).</summary>
    public double? HolmAdjustedPValue { get; init; }
    public double CliffsDelta { get; init; }

    /// <summary>With rounds: the effect with the round as the unit (paired per-round median ratios); null without 2 rounds on both sides.</summary>
    public PairedRoundRatio? AcrossRounds { get; init; }

    /// <summary>Candidate cost per invocation / baseline cost per invocation, same start type (every billed invocation); null where either is not priced.</summary>
    public double? CostRatio { get; init; }
}
