namespace Lambench.Runner.Journal;

/// <summary>
/// A step as the journal leaves it: its last attempt, state, batch id, request id and DynamoDB item count when
/// done, and the batch ids of abandoned attempts.
/// </summary>
public sealed record StepStatus(int Step, int Attempt, JournalState? State, string? RequestId, IReadOnlyList<string> Abandoned)
{
    public string? BatchId { get; init; }

    public int? Items { get; init; }

    public bool IsDone => State == JournalEntry.Done;

    /// <summary>Started but neither done, failed nor abandoned: a crash interrupted it.</summary>
    public bool IsInterrupted => State == JournalEntry.Started;
}
