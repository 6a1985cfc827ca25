using Lambench.Core.Columns;
using Lambench.Core.Records;

namespace Lambench.Core.Ingest;

/// <summary>The rows of an ingest (as columns, and as records built on demand), its counts, and every REPORT line it rejected or found in conflict with another.</summary>
public sealed class IngestResult(InvocationColumns columns, IngestSummary summary)
{
    public InvocationColumns Columns => columns;

    public IReadOnlyList<InvocationRecord> Invocations { get; } = new InvocationRecordList(columns);

    public IngestSummary Summary => summary;

    public IReadOnlyList<RejectedLine> Rejected { get; init; } = [];

    public IReadOnlyList<ConflictingReport> Conflicts { get; init; } = [];

    /// <summary>The DynamoDB operations the functions logged as embedded metric lines, each once, by configuration, time, request and place.</summary>
    public IReadOnlyList<OperationRecord> Operations { get; init; } = [];
}
