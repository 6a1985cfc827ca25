using System.Globalization;
using System.Text;
using Lambench.Core.Parsing;
using Lambench.Load.Recording;
using Lambench.Runner.Aws;
using Lambench.Runner.Execution;
using Lambench.Runner.Specs;

namespace Lambench.Runner.Channels;

/// <summary>
/// Lambda's Invoke, Event: Lambda queues the event and answers 202 with the request id at once. The step waits until
/// that request id's REPORT line is in the function's log group, so the next step (a configuration change, for one)
/// never overtakes an event still queued. Log lines take seconds to become searchable on AWS: a step takes that long.
/// </summary>
/// <param name="loadLambda">the client of a load's requests, which retries nothing.</param>
public sealed class EventChannel(ILambdaApi lambda, ILambdaApi loadLambda, ILogsApi logs, TimeSpan pollInterval, TimeSpan timeout, TimeProvider? time = null) : IInvocationChannel
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    public Task<string?> PreflightAsync(ConfigurationSpec configuration, string functionName, CancellationToken cancellation) =>
        Task.FromResult<string?>(null);

    public async Task<ChannelSend> SendAsync(ConfigurationSpec configuration, string functionName, string message, CancellationToken cancellation)
    {
        var sent = clock.GetUtcNow();
        var requestId = await lambda.InvokeEventAsync(functionName, Encoding.UTF8.GetBytes(message), cancellation);
        if (requestId.Length == 0)
        {
            throw new RunException($"{functionName} accepted the event without a request id; its REPORT line could not be matched");
        }

        var waited = await WaitForReportAsync($"/aws/lambda/{functionName}", requestId, sent, cancellation);
        return new ChannelSend(requestId, string.Create(CultureInfo.InvariantCulture, $"event accepted; its REPORT line was searchable after {waited.TotalSeconds:F1} s"));
    }

    /// <summary>Accepted is the answer: the invocation runs later, and its REPORT line is joined at collection.</summary>
    public Task<LoadResponse> SubmitAsync(ConfigurationSpec configuration, string functionName, string message, CancellationToken cancellation) =>
        ThrottleOutcome.OfAsync(async () =>
        {
            var requestId = await loadLambda.InvokeEventAsync(functionName, Encoding.UTF8.GetBytes(message), cancellation);
            return new LoadResponse(LoadOutcome.Ok, requestId.Length == 0 ? null : requestId);
        });

    private async Task<TimeSpan> WaitForReportAsync(string logGroup, string requestId, DateTimeOffset sent, CancellationToken cancellation)
    {
        // From a minute before the send: the log's clock and this machine's may differ a little.
        var from = sent.AddMinutes(-1).ToUnixTimeMilliseconds();
        var started = clock.GetTimestamp();
        while (true)
        {
            var events = await logs.FilterLogEventsAsync(logGroup, $"\"{requestId}\"", from, cancellation);
            if (events.Any(e => IsReport(e["message"]?.GetValue<string>(), requestId)))
            {
                return clock.GetElapsedTime(started);
            }

            if (clock.GetElapsedTime(started) + pollInterval > timeout)
            {
                throw new RunException(string.Create(CultureInfo.InvariantCulture,
                    $"the event {requestId} sent to {logGroup} has no REPORT line after {timeout.TotalSeconds:F0} s (protocol.drain_timeout_s); is the function starting?"));
            }

            await Task.Delay(pollInterval, clock, cancellation);
        }
    }

    /// <summary>
    /// The request's REPORT line, text or JSON platform.report, as the ingest reads it. One that cannot be read still
    /// ends the wait when it names the request: the collector rejects it and says so.
    /// </summary>
    private static bool IsReport(string? message, string requestId)
    {
        try
        {
            return message is not null && LogMessageParser.Parse(message) is { Kind: LogMessageKind.Report } parsed && parsed.Report.RequestId == requestId;
        }
        catch (LogMessageFormatException)
        {
            return message!.Contains(requestId, StringComparison.Ordinal);
        }
    }
}
