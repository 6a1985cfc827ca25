using System.Net;
using System.Text;

namespace Lambench.LocalPlatform.Tests;

/// <summary>
/// The concurrency cap is exact under any interleaving: 200 invocations sent at once, each retried while throttled
/// as a client does, never have more executions in flight than reserved concurrency (or the platform's limit)
/// allows. In flight is read from the platform's own log lines: an execution runs from its START to its END, and the
/// log's sequence numbers order them exactly (END is written before the slot is given back).
/// </summary>
[Collection(PlatformCollection.Name)]
[Trait("Tier", "system")]
public sealed class ConcurrencyCapTests(PlatformFixture fixture)
{
    private const string Function = "lambench-go-sleep-x86_64";
    private readonly LocalPlatform platform = fixture.Platform;

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(null)] // the platform's limit, LocalPlatformOptions.DefaultMaxConcurrency
    public async Task Two_hundred_simultaneous_invocations_never_exceed_the_cap(int? reserved)
    {
        var host = platform.Functions[Function];
        host.SetReservedConcurrency(reserved);
        host.EvictIdle(DateTimeOffset.UtcNow.AddHours(1)); // every run starts with no environment: the start-up race is the one that failed
        try
        {
            using var client = SignedHttp.Client(platform);
            client.Timeout = TimeSpan.FromMinutes(2);
            var throttled = 0;
            var ids = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
            {
                while (true)
                {
                    using var response = await client.PostAsync($"/2015-03-31/functions/{Function}/invocations", new StringContent("""{"sleep_ms": 20}""", Encoding.UTF8, "application/json"));
                    if (response.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        Interlocked.Increment(ref throttled);
                        await Task.Delay(Random.Shared.Next(5, 25));
                        continue;
                    }

                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    return response.Headers.GetValues("x-amzn-RequestId").Single();
                }
            }));

            var cap = reserved ?? LocalPlatformOptions.DefaultMaxConcurrency;
            var peak = PeakInFlight(ids.ToHashSet(StringComparer.Ordinal));
            Assert.True(peak <= cap, $"{peak} executions in flight at once, cap {cap}");
            Assert.True(peak == Math.Min(cap, 200) || reserved is null, $"the cap of {cap} was never reached ({peak}): the test did not press on it");
            Assert.True(throttled > 0 || reserved is null, "no invocation was throttled");
            Assert.True(host.EnvironmentCount <= cap, $"{host.EnvironmentCount} environments for a cap of {cap}");
        }
        finally
        {
            host.SetReservedConcurrency(null);
        }
    }

    /// <summary>The most executions between their START and END at once, over the log group's events in sequence order.</summary>
    private int PeakInFlight(HashSet<string> ids)
    {
        var events = platform.Logs.Find("/aws/lambda/" + Function)!.Snapshot().OrderBy(e => e.Sequence);
        int inFlight = 0, peak = 0, starts = 0;
        foreach (var e in events)
        {
            if (e.Message.StartsWith("START RequestId: ", StringComparison.Ordinal) && ids.Contains(e.Message.Split(' ')[2]))
            {
                starts++;
                peak = Math.Max(peak, ++inFlight);
            }
            else if (e.Message.StartsWith("END RequestId: ", StringComparison.Ordinal) && ids.Contains(e.Message.Split(' ')[2]))
            {
                inFlight--;
            }
        }

        Assert.Equal(ids.Count, starts);
        return peak;
    }
}
