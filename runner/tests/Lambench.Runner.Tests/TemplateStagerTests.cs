using System.Diagnostics;
using Lambench.LocalPlatform.Template;
using Lambench.Runner.Deploy;
using Lambench.Tests.Shared;

namespace Lambench.Runner.Tests;

/// <summary>What deploy does without the SAM CLI: the template with each Go function pointing at a bootstrap built for its architecture.</summary>
[Trait("Tier", "system")]
public sealed class TemplateStagerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-stage-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Go_functions_get_a_real_bootstrap_of_their_architecture_and_the_rest_is_unchanged()
    {
        var template = Path.Combine(RepositoryPaths.Root(), "infra", "template.yaml");
        var builds = new List<string>();
        var staged = await TemplateStager.StageAsync(template, _directory, async (architecture, output, cancellation) =>
        {
            builds.Add(architecture);
            var start = new ProcessStartInfo("bash") { ArgumentList = { Path.Combine(RepositoryPaths.Root(), "infra", "functions", "go", "build.sh"), architecture, output }, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var error = await process.StandardError.ReadToEndAsync(cancellation);
            await process.WaitForExitAsync(cancellation);
            Assert.True(process.ExitCode == 0, error);
        });

        Assert.Equal(["arm64", "amd64"], builds); // once per architecture, in the template's order
        var original = File.ReadAllLines(template);
        var changed = File.ReadAllLines(staged).Zip(original).Where(p => p.First != p.Second).ToList();
        Assert.Equal(original.Length, File.ReadAllLines(staged).Length);
        Assert.All(changed, p => Assert.Contains("CodeUri:", p.Second));

        // The staged template still reads as the same functions, each Go one at a folder whose bootstrap is an ELF
        // executable for its architecture (e_machine: 0xB7 aarch64, 0x3E x86-64).
        var functions = new TemplateReader("lambench", "us-east-1", new Dictionary<string, string>()).Read(staged).Functions;
        Assert.Equal(20, functions.Count);
        foreach (var function in functions.Where(f => f.Runtime == "provided.al2023"))
        {
            var bytes = File.ReadAllBytes(Path.Combine(function.CodeDirectory, "bootstrap"));
            Assert.Equal("\u007fELF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
            Assert.Equal(function.Architecture == "arm64" ? 0xB7 : 0x3E, BitConverter.ToUInt16(bytes, 18));
        }

        Assert.All(functions.Where(f => f.Runtime.StartsWith("python", StringComparison.Ordinal)), f => Assert.Equal(Path.Combine(RepositoryPaths.Root(), "infra", "functions", "python"), f.CodeDirectory));

        // What `aws cloudformation package` receives passes AWS's SAM transform and CloudFormation's schemas too.
        var (exit, output) = await TemplateLintTests.CfnLintAsync(staged);
        Assert.True(exit == 0, output);
    }
}
