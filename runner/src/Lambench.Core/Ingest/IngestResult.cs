using Lambench.Core.Records;

namespace Lambench.Core.Ingest;

public sealed record IngestResult(IReadOnlyList<InvocationRecord> Invocations, IngestSummary Summary);
