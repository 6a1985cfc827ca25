namespace Lambench.Analysis.Tables;

/// <summary>The source line under a table: its label in the report's language ("Fonte", "Source") and its text.</summary>
public sealed record TableSource(string Label, string Text);
