namespace Lambench.LocalPlatform;

/// <summary>How to start the local platform.</summary>
public sealed record LocalPlatformOptions
{
    /// <summary>The SAM template (infra/template.yaml).</summary>
    public required string TemplatePath { get; init; }

    /// <summary>Port on 127.0.0.1 for every endpoint (Lambda, CloudWatch Logs, Runtime API); 0 picks a free one.</summary>
    public int Port { get; init; } = 4566;

    /// <summary>Where builds and runtime files go (.lambench/local).</summary>
    public required string WorkDirectory { get; init; }

    public string StackName { get; init; } = Template.TemplateReader.DefaultStackName;

    public IReadOnlyDictionary<string, string> ParameterOverrides { get; init; } = new Dictionary<string, string>();

    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Where CloudWatch Logs keeps its events (events.jsonl), so they outlive the platform; null keeps them in memory.
    /// The runner points it into the run directory, so a resumed run still finds the REPORT lines of before a crash.
    /// </summary>
    public string? LogDirectory { get; init; }

    /// <summary>How long log events take to become searchable (CloudWatch's ingestion delay); zero by default.</summary>
    public TimeSpan LogIngestionDelay { get; init; }

    /// <summary>What <see cref="MaxConcurrency"/> is unless set: a few environments per core of a small machine.</summary>
    public const int DefaultMaxConcurrency = 32;

    /// <summary>
    /// Invocations in flight across all functions, like an AWS account's concurrency limit (1,000 by default on AWS;
    /// a machine's cores and memory bound it here). One more is answered as AWS does: 429 TooManyRequestsException,
    /// reason ConcurrentInvocationLimitExceeded.
    /// </summary>
    public int MaxConcurrency { get; init; } = DefaultMaxConcurrency;

    /// <summary>The fraction (0 to 1) of invocations refused with TooManyRequestsException, to test clients' retries.</summary>
    public double ThrottleFraction { get; init; }
}
