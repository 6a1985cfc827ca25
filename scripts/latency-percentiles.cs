#:project ../runner/src/Lambench.Analysis
#:property PublishAot=false
// Latency percentiles per configuration and start type, with 95% confidence intervals (the report's first table).
// Usage: dotnet run scripts/latency-percentiles.cs -- [invocations.csv ...] [--lang pt-BR]
using Lambench.Analysis.Scripting;

return await AnalysisSession.RunAsync(args, session =>
{
    Console.WriteLine(AnalysisSession.Markdown(session.Tables.Latency(session.Summary)));
    return Task.CompletedTask;
});
