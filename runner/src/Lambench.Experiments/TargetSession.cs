using Lambench.LocalPlatform;
using Lambench.Runner.Aws;
using Lambench.Runner.Execution;

namespace Lambench.Experiments;

/// <summary>
/// A run's target and everything it holds, disposed as one: the HTTP client, the AWS SDK clients and, on the local
/// target, the platform this session started (its web host, function processes, log store and dynalite).
/// </summary>
public sealed class TargetSession : IAsyncDisposable
{
    private readonly HttpClient http;
    private readonly LocalPlatform.LocalPlatform? platform;

    private TargetSession(HttpClient http, LocalPlatform.LocalPlatform? platform, RunTarget target)
    {
        this.http = http;
        this.platform = platform;
        Target = target;
    }

    public RunTarget Target { get; private set; }

    /// <summary>The local platform this session started; null on AWS.</summary>
    public LocalPlatform.LocalPlatform? Platform => platform;

    /// <summary>AWS in <paramref name="region"/>; a call that waits says so through <paramref name="progress"/>.</summary>
    public static TargetSession Aws(string stack, string region, IProgress<string>? progress)
    {
        var http = NewHttpClient();
        return new TargetSession(http, null, RunTargets.Aws(http, stack, region, AwsCallPolicy.Default with { Progress = progress }));
    }

    /// <summary>Starts the local platform (see <see cref="LocalPlatform.LocalPlatform.StartAsync"/> for what it throws) and points the clients at it.</summary>
    public static async Task<TargetSession> StartLocalAsync(LocalPlatformOptions options, IProgress<string>? progress, CancellationToken cancellation)
    {
        var platform = await LocalPlatform.LocalPlatform.StartAsync(options, progress, cancellation);
        var http = NewHttpClient();
        try
        {
            return new TargetSession(http, platform, RunTargets.Local(http, platform.Endpoint, platform.DynamoDbEndpoint, options.StackName,
                LocalPlatform.LocalPlatform.Region, LocalPlatform.LocalPlatform.AccessKeyId, LocalPlatform.LocalPlatform.SecretAccessKey));
        }
        catch
        {
            http.Dispose();
            await platform.DisposeAsync();
            throw;
        }
    }

    /// <summary>Changes the target's settings (collection method and timeout, say); the clients stay this session's.</summary>
    public void Adjust(Func<RunTarget, RunTarget> change) => Target = change(Target);

    public async ValueTask DisposeAsync()
    {
        Target.Dispose();
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }

        http.Dispose();
    }

    // No client-wide timeout: every call has its own (AwsCallPolicy), an Invoke its function's timeout and a margin.
    private static HttpClient NewHttpClient() => new() { Timeout = Timeout.InfiniteTimeSpan };
}
