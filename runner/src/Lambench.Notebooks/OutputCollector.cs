using System.Text;
using Lambench.Analysis.Figures;

namespace Lambench.Notebooks;

/// <summary>
/// Gathers the outputs of the running cell in order: text written to Console.Out (one stream output per run of text
/// between displays) and displayed values. Figures are remembered so one Chromium run can add their PNGs afterwards.
/// </summary>
internal sealed class OutputCollector
{
    private readonly StringBuilder pendingText = new();
    private readonly List<CellOutput> outputs = [];
    private readonly List<PendingFigure> figures = [];
    private int cellNumber;

    public TextWriter ConsoleWriter { get; }

    public OutputCollector() => ConsoleWriter = new CollectingWriter(pendingText);

    public IReadOnlyList<PendingFigure> Figures => figures;

    public void StartCell(int number)
    {
        cellNumber = number;
        outputs.Clear();
        pendingText.Clear();
    }

    public IReadOnlyList<CellOutput> FinishCell()
    {
        FlushText();
        return outputs.ToList();
    }

    public void Display(object? value, string outputType, int? executionCount = null)
    {
        FlushText();
        if (value is null or DisplayedValue)
        {
            return;
        }

        outputs.Add(new CellOutput(outputType, OutputFormatter.Format(value), null, executionCount));
        if (value is ReportFigure figure)
        {
            figures.Add(new PendingFigure(cellNumber, outputs.Count - 1, figure));
        }
    }

    private void FlushText()
    {
        if (pendingText.Length > 0)
        {
            outputs.Add(CellOutput.StandardOutput(pendingText.ToString()));
            pendingText.Clear();
        }
    }

    /// <summary>A TextWriter over the pending text, so Console.WriteLine in a cell lands in the cell's output.</summary>
    private sealed class CollectingWriter(StringBuilder target) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => target.Append(value);

        public override void Write(string? value) => target.Append(value);
    }
}
