#:project ../runner/src/Lambench.Analysis
#:property PublishAot=false
// Cold starts per configuration: rate, Init duration statistics and the overhead over warm invocations.
// Usage: dotnet run scripts/cold-starts.cs -- [invocations.csv ...] [--lang pt-BR]
using Lambench.Analysis.Scripting;

return await AnalysisSession.RunAsync(args, session =>
{
    Console.WriteLine(AnalysisSession.Markdown(session.Tables.ColdStarts(session.Summary)));
    return Task.CompletedTask;
});
