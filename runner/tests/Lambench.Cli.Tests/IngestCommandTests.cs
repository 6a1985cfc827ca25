using System.Text;

namespace Lambench.Cli.Tests;

/// <summary>`lambench ingest` with lines it cannot read and with conflicting duplicates: rows kept, problems listed whole.</summary>
public sealed class IngestCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("lambench-ingest-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static async Task<(int Exit, string Console)> Run(params string[] args)
    {
        var console = new Spectre.Console.Testing.TestConsole { Profile = { Width = 400 } };
        var text = new StringWriter();
        var exit = await LambenchApplication.RunAsync(args, console, text, text);
        return (exit, console.Output + text);
    }

    private string Log(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    private static string Report(int i, double duration) =>
        FormattableString.Invariant($"REPORT RequestId: 00000000-0000-0000-0000-{i:000000000000}\tDuration: {duration:F2} ms\tBilled Duration: {Math.Ceiling(duration)} ms\tMemory Size: 512 MB\tMax Memory Used: 70 MB\t");

    [Fact]
    public async Task Unreadable_lines_are_rejected_and_listed_conflicts_all_go_to_a_csv_and_the_rows_are_written()
    {
        var first = Log("a.log", Enumerable.Range(0, 10).Select(i => Report(i, 10 + i))
            .Append("REPORT RequestId: 00000000-0000-0000-0000-999999999999\tDuration: 12,5 ms\tBilled Duration: 13 ms")
            .Append("[INFO] our own REPORT RequestId: is only mentioned here"));
        // Seven of the same ids with other durations: conflicts, the first kept.
        var second = Log("b.log", Enumerable.Range(0, 7).Select(i => Report(i, 99 + i)));
        var output = Path.Combine(directory, "invocations.csv");

        var (exit, console) = await Run("ingest", first, second, "--out", output);
        Assert.True(exit == 0, console);
        Assert.Equal(11, File.ReadAllLines(output).Length); // header + 10 rows
        Assert.True(console.Contains($"rejected: {first}: line 11: cannot read", StringComparison.Ordinal), console);
        Assert.Contains($"1 rejected line(s); all of them in {output}.rejected.txt", console);
        Assert.Contains($"7 conflict line(s), 2 more than shown; all of them in {output}.conflicts.csv", console);
        var rejected = File.ReadAllText(output + ".rejected.txt");
        Assert.Contains($"{first}: line 11: cannot read", rejected);
        Assert.Contains("Duration: 12,5 ms", rejected);
        var conflicts = File.ReadAllLines(output + ".conflicts.csv");
        Assert.Equal("request_id,kept_duration_ms,ignored_duration_ms,ignored_file,ignored_where", conflicts[0]);
        Assert.Equal(8, conflicts.Length);
        Assert.Equal($"00000000-0000-0000-0000-000000000000,10,99,{second},line 1", conflicts[1]);

        // --strict: the same input is an error naming file and line, and nothing is written.
        File.Delete(output);
        (exit, console) = await Run("ingest", first, "--out", output, "--strict");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"{first}: line 11: cannot read", console);
        Assert.False(File.Exists(output));
    }
}
