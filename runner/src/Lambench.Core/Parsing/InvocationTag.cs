namespace Lambench.Core.Parsing;

/// <summary>
/// What a function under test logs about its invocation (request id with batch id, label, repetition and the round of
/// a replicated run), so REPORT lines are matched to experiment batches by request id, never by time order.
/// </summary>
public sealed record InvocationTag(string RequestId, string? BatchId, string? Label, int? Repetition, int? Round = null);
