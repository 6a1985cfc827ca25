#:project ../runner/src/Lambench.Analysis
#:property PublishAot=false
// Lambda cost per configuration: per million invocations and a monthly projection (the free tier once per account),
// and the cost figures (JSON, plus SVG and PNG when Chromium is installed).
// Usage: dotnet run scripts/cost-per-configuration.cs -- [invocations.csv ...] [--monthly-invocations N] [--region R] [--prices FILE] [--out DIR]
using Lambench.Analysis.Scripting;

return await AnalysisSession.RunAsync(args, async session =>
{
    Console.WriteLine(session.Tables.Cost(session.Summary));
    var costFigures = session.Figures.Where(f => f.Id.StartsWith("cost", StringComparison.Ordinal)).Select(f => f.Id).ToArray();
    var (files, warning) = await session.WriteFiguresAsync(session.OutputDirectory ?? Path.Combine("out", "cost-per-configuration"), costFigures);
    Console.WriteLine(warning ?? "Figures: " + string.Join(", ", files));
});
