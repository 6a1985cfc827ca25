using Spectre.Console.Testing;

namespace Lambench.Cli.Tests;

/// <summary>The lambench command run in this process, its console and output read back as one text.</summary>
internal static class InProcessCli
{
    public static async Task<(int Exit, string Text)> RunAsync(params string[] args)
    {
        var console = new TestConsole { Profile = { Width = 400 } };
        var output = new StringWriter();
        var exit = await LambenchApplication.RunAsync(args, console, output, output);
        return (exit, console.Output + output);
    }
}
