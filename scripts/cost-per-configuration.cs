#:project ../runner/src/Lambench.Analysis
#:property PublishAot=false
// Lambda cost per configuration: per million invocations and a monthly projection with and without the free tier.
// Usage: dotnet run scripts/cost-per-configuration.cs -- [invocations.csv ...] [--monthly-invocations N] [--region R] [--prices FILE]
using Lambench.Analysis.Scripting;

return await AnalysisSession.RunAsync(args, session =>
{
    Console.WriteLine(AnalysisSession.Markdown(session.Tables.Cost(session.Summary)));
    if (session.Summary.Comparisons.Count > 0)
    {
        Console.WriteLine(AnalysisSession.Markdown(session.Tables.Comparisons(session.Summary)));
    }

    return Task.CompletedTask;
});
