namespace Lambench.Runner.Journal;

/// <summary>
/// One line of journal.jsonl. started is written before a step acts, done or failed after; an invoke's done carries
/// the request id and the batch id it was sent with, and for the writer the DynamoDB items found for the batch.
/// abandoned marks an attempt a crash or a Ctrl+C interrupted; resumed records what a resumed run did before going on.
/// </summary>
public sealed record JournalEntry(int Step, int Attempt, JournalState State, DateTimeOffset Time, string? BatchId = null, string? RequestId = null, string? Detail = null, int? Items = null)
{
    public const JournalState Started = JournalState.Started;
    public const JournalState Done = JournalState.Done;
    public const JournalState Failed = JournalState.Failed;
    public const JournalState Abandoned = JournalState.Abandoned;
    public const JournalState Resumed = JournalState.Resumed;
}
