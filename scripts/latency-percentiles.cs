#:project ../runner/src/Lambench.Analysis
#:property PublishAot=false
// Latency percentiles per configuration and start type, with 95% confidence intervals (the report's first table),
// and the percentile and distribution figures (JSON, plus SVG and PNG when Chromium is installed).
// Usage: dotnet run scripts/latency-percentiles.cs -- [invocations.csv ...] [--lang pt-BR] [--out DIR]
using Lambench.Analysis.Scripting;

return await AnalysisSession.RunAsync(args, async session =>
{
    Console.WriteLine(session.Tables.Latency(session.Summary));
    if (session.Summary.Comparisons.Count > 0)
    {
        Console.WriteLine(session.Tables.Comparisons(session.Summary));
    }

    var (files, warning) = await session.WriteFiguresAsync(session.OutputDirectory ?? Path.Combine("out", "latency-percentiles"), "percentiles", "distribution");
    Console.WriteLine(warning ?? "Figures: " + string.Join(", ", files));
});
