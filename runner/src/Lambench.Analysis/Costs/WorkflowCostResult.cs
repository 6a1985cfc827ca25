using Lambench.Analysis.Tables;
using Lambench.Core.Workflows;

namespace Lambench.Analysis.Costs;

/// <summary>An architecture's cost at its described volume, at the sensitivity volumes, the two tables, and the unconfirmed price figures it used.</summary>
public sealed record WorkflowCostResult(WorkflowCost Cost, IReadOnlyList<WorkflowCost> Sensitivity, IReadOnlyList<ReportTable> Tables, IReadOnlyList<string> Unconfirmed);
