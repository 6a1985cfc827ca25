using Microsoft.AspNetCore.Html;

namespace Lambench.Notebooks;

/// <summary>
/// The names a Polyglot C# cell can call without a using: display(...) and HTML(...). Their spelling is Polyglot's,
/// so a notebook runs unchanged in VS Code and in the renderer.
/// </summary>
#pragma warning disable IDE1006 // Polyglot's lower-case name.
public sealed class NotebookGlobals
{
    private readonly OutputCollector collector;

    internal NotebookGlobals(OutputCollector collector) => this.collector = collector;

    /// <summary>Shows a value below the cell: tables and figures as HTML (figures also as PNG), DataFrames as a table, anything else as text.</summary>
    public DisplayedValue display(object? value)
    {
        collector.Display(value, CellOutput.DisplayData);
        return new DisplayedValue(value);
    }

    /// <summary>Marks a string as HTML to show as it is.</summary>
    public IHtmlContent HTML(string html) => new HtmlString(html);
}
#pragma warning restore IDE1006
