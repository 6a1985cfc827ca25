namespace Lambench.Runner.Execution;

/// <summary>Where a run stands, for a progress display: steps done of all, and what runs now.</summary>
public sealed record RunProgress(int Done, int Total, string Activity);
