using Lambench.Tests.Shared;

namespace Lambench.Cli.Tests;

/// <summary>
/// The break-even figure rendered by Chromium from a local run's data (data/sample-breakeven: the payment step in Go
/// and Python on the local platform), with the caveats beside it: in the command's output, under the table, and in the
/// figure's LaTeX caption.
/// </summary>
[Trait("Tier", "system")]
public sealed class BreakEvenFigureTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-breakeven-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_figure_renders_from_a_local_run_with_the_caveats_beside_it()
    {
        var data = Path.Combine(RepositoryPaths.Root(), "data", "sample-breakeven");
        var (exit, text) = await InProcessCli.RunAsync("cost", "breakeven", data, "--out", _directory, "--min-tasks", "2", "--lb-usd-per-month", "16.43", "--lang", "pt-BR");

        Assert.True(exit == 0, text);
        Assert.DoesNotContain("warning:", text);
        var svg = File.ReadAllText(Path.Combine(_directory, "figures", "breakeven.svg"));
        Assert.Contains("Lambda contra Fargate", svg);
        Assert.Contains("go-x86_64-512mb: equilíbrio", svg);
        Assert.True(new FileInfo(Path.Combine(_directory, "figures", "breakeven.png")).Length > 10_000);
        foreach (var caveat in new[] { "Fora do modelo, salvo se definidos", "não números da AWS", "preço não confirmado: fargate" })
        {
            Assert.Contains(caveat, text);
            Assert.Contains(caveat, File.ReadAllText(Path.Combine(_directory, "figures", "breakeven.tex")));
            Assert.Contains(caveat, File.ReadAllText(Path.Combine(_directory, "tables", "breakeven.md")));
        }

        // The CSV is invariant whatever the language; its pt-BR copy has decimal commas.
        Assert.StartsWith("configuration,architecture,memory_size_mb,platform,", File.ReadAllText(Path.Combine(_directory, "breakeven.csv")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory, "breakeven.pt-BR.csv")));
    }
}
