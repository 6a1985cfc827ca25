namespace Lambench.Analysis.Report;

/// <summary>The style sheet of report pages (index.html and rendered notebooks), so tables look the same in both.</summary>
public static class ReportStyles
{
    public const string Css = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em auto; max-width: 1100px; color: #222; }
        table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
        caption { font-weight: bold; text-align: left; padding-bottom: 0.4em; }
        th, td { padding: 0.25em 0.6em; border-bottom: 1px solid #ccc; }
        thead th { border-bottom: 2px solid #444; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        ul.legend { font-size: 0.8em; color: #555; }
        figure { margin: 1.5em 0; }
        .files { font-size: 0.85em; }
        .warning { color: #8a4b00; }
        @media print { .plot { page-break-inside: avoid; } }
        """;
}
