using Lambench.Core.Records;

namespace Lambench.Core.Ingest;

/// <summary>The rows of an ingest, its counts, and every REPORT line it rejected or found in conflict with another.</summary>
public sealed record IngestResult(IReadOnlyList<InvocationRecord> Invocations, IngestSummary Summary)
{
    public IReadOnlyList<RejectedLine> Rejected { get; init; } = [];

    public IReadOnlyList<ConflictingReport> Conflicts { get; init; } = [];
}
