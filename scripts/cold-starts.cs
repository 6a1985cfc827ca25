#:project ../runner/src/Lambench.Analysis
#:property PublishAot=false
// Cold starts per configuration: rate, Init duration statistics and the overhead over warm invocations, and the
// cold-versus-warm figure (JSON, plus SVG and PNG when Chromium is installed).
// Usage: dotnet run scripts/cold-starts.cs -- [invocations.csv ...] [--lang pt-BR] [--out DIR]
using Lambench.Analysis.Scripting;

return await AnalysisSession.RunAsync(args, async session =>
{
    Console.WriteLine(session.Tables.ColdStarts(session.Summary));
    var (files, warning) = await session.WriteFiguresAsync(session.OutputDirectory ?? Path.Combine("out", "cold-starts"), "cold-vs-warm");
    Console.WriteLine(warning ?? "Figures: " + string.Join(", ", files));
});
