#:project ../runner/src/Lambench.Analysis
#:property PublishAot=false
// Every table and figure of a results chapter, written to --out (default out/thesis-report): the same report as
// `lambench report`, from a script you can copy and change.
// Usage: dotnet run scripts/thesis-report.cs -- [invocations.csv ...] [--out DIR] [--lang pt-BR] [--cold-share 5%]
using Lambench.Analysis.Report;
using Lambench.Analysis.Scripting;

return await AnalysisSession.RunAsync(args, async session =>
{
    var options = new ReportOptions { OutputDirectory = session.OutputDirectory ?? Path.Combine("out", "thesis-report"), Language = session.Language, MonthlyInvocations = session.MonthlyInvocations, ColdShare = session.ColdShare };
    var outcome = await new ReportWriter(session.Prices).WriteAsync(session.Invocations, session.Inputs, options, new LineProgress(Console.Out));
    foreach (var warning in outcome.Warnings)
    {
        Console.WriteLine("warning: " + warning);
    }

    Console.WriteLine($"{outcome.FilesWritten.Count} files in {Path.GetFullPath(options.OutputDirectory)}; open index.html.");
});
