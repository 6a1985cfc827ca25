using Lambench.Analysis.Figures;
using Lambench.Analysis.Tables;
using Lambench.Core.Cost;

namespace Lambench.Analysis.Costs;

/// <summary>The break-even of each configuration with its platform and warm invocation count, the table, the figure (null without any priced configuration), the caveats, and the CSV sheet.</summary>
public sealed record BreakEvenResult(
    IReadOnlyList<(BreakEvenPoint Point, string Platform, int Invocations)> Points,
    ReportTable Table,
    ReportFigure? Figure,
    IReadOnlyList<string> Caveats,
    DataSheet Sheet);
