namespace Lambench.LocalPlatform.Functions;

/// <summary>Settings of the local platform's Lambda emulation.</summary>
public sealed record PlatformSettings
{
    /// <summary>host:port of the Runtime API the function processes call.</summary>
    public required string RuntimeApiAddress { get; init; }

    /// <summary>Idle environments older than this are stopped (AWS keeps them for minutes, without a promise).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Lambda's limit on the Init phase of on-demand functions.</summary>
    public TimeSpan InitTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an update stays InProgress before it is Successful.</summary>
    public TimeSpan UpdateDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>The platform's concurrency limit, shared by all its functions (an AWS account's, scaled to one machine).</summary>
    public ConcurrencyLimit Concurrency { get; init; } = new(LocalPlatformOptions.DefaultMaxConcurrency);

    /// <summary>The fraction of invocations refused with TooManyRequestsException before they run (a test knob; 0 by default).</summary>
    public double ThrottleFraction { get; init; }

    /// <summary>Variables every function process gets besides Lambda's own: region, local credentials, endpoints.</summary>
    public IReadOnlyDictionary<string, string> FunctionVariables { get; init; } = new Dictionary<string, string>();
}
