namespace Lambench.Analysis.Report;

/// <summary>Writes each step on its own line as it is reported. Synchronous, unlike Progress&lt;T&gt;, so steps appear in order.</summary>
public sealed class LineProgress(TextWriter writer) : IProgress<string>
{
    public void Report(string value) => writer.WriteLine(value);
}
