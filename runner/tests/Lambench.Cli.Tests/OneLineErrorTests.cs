using Lambench.Tests.Shared;

namespace Lambench.Cli.Tests;

/// <summary>
/// Failures a user can cause, each in one line naming the input and the reason, with a non-zero exit and nothing
/// half-written: outputs that cannot be written, a directory given as a log, and a bug's last-resort line.
/// </summary>
public sealed class OneLineErrorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-errors-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Task<(int Exit, string Text)> Run(params string[] args) => InProcessCli.RunAsync(args);

    [Fact]
    public async Task An_ingest_whose_output_cannot_be_written_says_so_in_one_line()
    {
        var log = Path.Combine(RepositoryPaths.Root(), "data", "sample", "order-processor-lambda.log");
        var (exit, text) = await Run("ingest", log, "--out", _directory); // a directory, not a file
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"error: cannot write {_directory}:", text);
        Assert.DoesNotContain("   at ", text);
    }

    [Fact]
    public async Task A_directory_given_as_a_log_is_named_as_one()
    {
        var (exit, text) = await Run("ingest", _directory, "--out", Path.Combine(_directory, "a.csv"));
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"error: {_directory}: file: a directory, not a log file", text);
        Assert.False(File.Exists(Path.Combine(_directory, "a.csv")));
    }

    [Fact]
    public async Task A_report_that_cannot_be_written_says_so_in_one_line()
    {
        var blocker = Path.Combine(_directory, "file");
        File.WriteAllText(blocker, "not a directory");
        var (exit, text) = await Run("report", Path.Combine(RepositoryPaths.Root(), "data", "sample", "invocations.csv"), "--out", Path.Combine(blocker, "report"), "--no-static-figures");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("error: cannot write the report to", text);
        Assert.DoesNotContain("   at ", text);
    }
}
