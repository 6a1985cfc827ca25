namespace Lambench.Notebooks;

/// <summary>What running one code cell produced: its execution count (1, 2, ... in run order) and outputs in order.</summary>
public sealed record ExecutedCell(NotebookCell Cell, int ExecutionCount, IReadOnlyList<CellOutput> Outputs);
