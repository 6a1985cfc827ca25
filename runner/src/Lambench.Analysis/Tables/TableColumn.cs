namespace Lambench.Analysis.Tables;

public sealed record TableColumn(string Header, bool AlignRight);
