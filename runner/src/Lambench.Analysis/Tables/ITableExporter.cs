namespace Lambench.Analysis.Tables;

/// <summary>Turns a <see cref="ReportTable"/> into one document format.</summary>
public interface ITableExporter
{
    /// <summary>The file extension, with the dot.</summary>
    string Extension { get; }

    string Export(ReportTable table);
}
