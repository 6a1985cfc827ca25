namespace Lambench.Runner.Specs;

/// <summary>Closed-loop virtual users: each sends, waits for the answer, thinks, and sends again, for the duration.</summary>
public sealed record ClosedLoadSpec(int Users, TimeSpan ThinkTime, TimeSpan Duration);
