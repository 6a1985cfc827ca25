namespace Lambench.Runner.Aws;

/// <summary>
/// How long an AWS call may take, so that an endpoint that accepts connections and never answers costs seconds, not
/// the HTTP client's minutes: each request has <see cref="AttemptTimeout"/> (an Invoke, its function's timeout and a
/// margin), each call with its retries <see cref="Deadline"/>; while a request waits, <see cref="Progress"/> hears
/// "waiting for lambda in us-east-1: 20 s…" every <see cref="ProgressInterval"/>. Every wait runs on
/// <see cref="Time"/>, so tests drive it with a fake clock.
/// </summary>
public sealed record AwsCallPolicy
{
    public static readonly AwsCallPolicy Default = new();

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan Deadline { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Connection failures (refused, reset, DNS) retried before the call fails, as the SDKs' standard mode does.</summary>
    public int ConnectionAttempts { get; init; } = 3;

    /// <summary>
    /// Throttling and 5xx answers retried with backoff. A load sets false: each of its requests ends with the answer it
    /// got, counted as a throttle or an error, and is never sent twice.
    /// </summary>
    public bool RetryAnswers { get; init; } = true;

    /// <summary>What a load's requests go out with: no retries of any kind, and no progress lines.</summary>
    public AwsCallPolicy ForLoad() => this with { RetryAnswers = false, ConnectionAttempts = 1, Progress = null };

    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(10);

    public IProgress<string>? Progress { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
