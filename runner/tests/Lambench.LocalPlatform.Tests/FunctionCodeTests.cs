using System.Diagnostics;
using Lambench.Tests.Shared;

namespace Lambench.LocalPlatform.Tests;

/// <summary>
/// The functions' own counting of DynamoDB requests and throttles, against each SDK's real retry logic: Go's tests
/// (infra/functions/go/metrics_test.go) and Python's (infra/functions/python/test_handlers.py) put a scripted stand-in
/// for DynamoDB on 127.0.0.1 that throttles once and leaves an item unprocessed once. dynalite never throttles, so the
/// platform's runs cannot show this.
/// </summary>
[Trait("Tier", "system")] // runs go test and python3
public sealed class FunctionCodeTests
{
    private static readonly string Functions = Path.Combine(RepositoryPaths.Root(), "infra", "functions");

    private static (int Exit, string Output) Run(string program, string directory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }

    [Fact]
    public void The_go_writer_counts_the_sdks_retries_and_unprocessed_items()
    {
        // As build.sh builds: from Debian's Go packages in GOPATH mode where they are installed.
        var environment = Directory.Exists("/usr/share/gocode/src/github.com/aws/aws-sdk-go-v2/service/dynamodb")
            ? new Dictionary<string, string> { ["GO111MODULE"] = "off", ["GOPATH"] = "/usr/share/gocode" }
            : new Dictionary<string, string>();
        var (exit, output) = Run("go", Path.Combine(Functions, "go"), environment, "test", "-count=1", "-v", ".");
        Assert.True(exit == 0, output);
        Assert.Contains("--- PASS: TestBatchWriteCountsTheSdksRetriesAndUnprocessedItemsAsThrottles", output);
    }

    [Fact]
    public void The_python_writer_counts_botocores_retries_and_unprocessed_items()
    {
        var (exit, output) = Run("/usr/bin/python3", Path.Combine(Functions, "python"), new Dictionary<string, string> { ["PYTHONDONTWRITEBYTECODE"] = "1" }, "-m", "unittest", "-v", "test_handlers");
        Assert.True(exit == 0, output);
        Assert.Contains("test_the_sdks_retry_of_a_throttle_and_a_resend_of_unprocessed_items_are_counted", output);
        Assert.Contains("OK", output);
    }
}
