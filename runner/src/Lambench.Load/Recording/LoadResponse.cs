namespace Lambench.Load.Recording;

/// <summary>What the system under test answered one request: its outcome and, where known, the invocation's request id.</summary>
public readonly record struct LoadResponse(LoadOutcome Outcome, string? RequestId = null);
