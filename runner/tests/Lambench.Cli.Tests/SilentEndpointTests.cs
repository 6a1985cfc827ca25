using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Lambench.Cli.Tests;

/// <summary>
/// The fault trial's hang: an endpoint that accepts connections and never answers kept `run --target aws` waiting over
/// 180 s without a word. Now doctor and run say which service did not answer and stop, in seconds, writing nothing.
/// The endpoint is a real socket on 127.0.0.1 that reads requests and answers none; the clients reach it through
/// AWS_ENDPOINT_URL, as the AWS CLI and SDKs would.
/// </summary>
[Trait("Tier", "system")]
public sealed class SilentEndpointTests : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _held = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-silent-").FullName;

    public SilentEndpointTests()
    {
        _listener.Start();
        _ = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_held)
                {
                    _held.Add(client); // accepted, read by nobody, never answered
                }
            }
        });
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_held)
        {
            _held.ForEach(c => c.Dispose());
        }

        Directory.Delete(_directory, recursive: true);
    }

    private ProcessStartInfo Lambench(params string[] args)
    {
        var start = LambenchProcess.StartInfo(args);
        start.Environment["AWS_ENDPOINT_URL"] = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        start.Environment["AWS_ACCESS_KEY_ID"] = "silent";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "silent";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        return start;
    }

    [Fact]
    public async Task Doctor_says_which_service_did_not_answer_within_seconds()
    {
        var clock = Stopwatch.StartNew();
        var (exit, output) = await LambenchProcess.RunToEndAsync(Lambench("doctor", "--region", "us-east-1"), TimeSpan.FromSeconds(90));
        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("FAILED credentials: STS did not answer GetCallerIdentity", output);
        Assert.Contains("did not answer within 10 s", output);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"{clock.Elapsed.TotalSeconds:F0} s");
    }

    [Fact]
    public async Task Run_on_aws_stops_before_writing_anything()
    {
        var run = Path.Combine(_directory, "run");
        var (exit, output) = await LambenchProcess.RunToEndAsync(Lambench("run", "experiments/quickstart.yaml", "--target", "aws", "--region", "us-east-1", "--out", run), TimeSpan.FromSeconds(90));
        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("nothing was run or written", output);
        Assert.False(Directory.Exists(run));
    }
}
