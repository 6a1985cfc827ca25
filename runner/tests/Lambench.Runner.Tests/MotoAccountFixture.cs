using Lambench.Tests.Shared;

namespace Lambench.Runner.Tests;

/// <summary>One moto server per test class, holding a stand-in account built with boto3: two functions, their log groups, sixty more groups, and a tagged stack.</summary>
public sealed class MotoAccountFixture : IAsyncLifetime
{
    public const string PythonFunction = "lambench-python-noop-x86_64";
    public const string GoFunction = "lambench-go-noop-arm64";

    internal MotoServer Moto { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Moto = await MotoServer.StartAsync();
        try
        {
            await SetUpAsync();
        }
        catch
        {
            Moto.Dispose(); // xunit does not call DisposeAsync when InitializeAsync fails: the server must not outlive the test
            throw;
        }
    }

    private Task SetUpAsync() =>
        Moto.PythonAsync("setup", new
        {
            functions = new object[]
            {
                new { name = PythonFunction, runtime = "python3.12", architecture = "x86_64", timeout = 30, memory = 512 },
                new { name = GoFunction, runtime = "provided.al2023", architecture = "arm64", timeout = 30, memory = 512 },
            },
            // 60 more groups: DescribeLogGroups answers 50 a page, so the client must follow nextToken.
            extra_log_groups = Enumerable.Range(0, 60).Select(i => $"/aws/lambda/lambench-extra-{i:00}").ToArray(),
            stack = "lambench",
            tags = new Dictionary<string, string> { ["lambench:template-sha256"] = "abc123" },
        });

    public Task DisposeAsync()
    {
        Moto.Dispose();
        return Task.CompletedTask;
    }
}
