namespace Lambench.Runner.Journal;

/// <summary>A step as the journal leaves it: its last attempt, state, request id when done, and abandoned batch ids.</summary>
public sealed record StepStatus(int Step, int Attempt, string? State, string? RequestId, IReadOnlyList<string> Abandoned)
{
    public bool IsDone => State == JournalEntry.Done;

    /// <summary>Started but neither done nor failed: a crash interrupted it.</summary>
    public bool IsInterrupted => State == JournalEntry.Started;
}
