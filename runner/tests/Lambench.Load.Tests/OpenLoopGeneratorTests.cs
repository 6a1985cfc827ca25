using Lambench.Core.Statistics;
using Lambench.Load.Arrivals;
using Lambench.Load.Generation;
using Lambench.Load.Recording;
using Microsoft.Extensions.Time.Testing;

namespace Lambench.Load.Tests;

/// <summary>
/// The open-loop generator on a fake clock: sends against the plan, and the coordinated-omission correction checked
/// against latencies worked out by hand from a server that stalls for one second.
/// </summary>
public sealed class OpenLoopGeneratorTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(1);

    /// <summary>A server that answers in 1 ms, except that a request arriving in [4 s, 5 s) is answered at 5.001 s.</summary>
    private static LoadTarget StallingServer(FakeTimeProvider clock, DateTimeOffset start) => async (_, cancellation) =>
    {
        var now = clock.GetUtcNow() - start;
        var finish = now >= TimeSpan.FromSeconds(4) && now < TimeSpan.FromSeconds(5) ? TimeSpan.FromMilliseconds(5001) : now + Step;
        await Task.Delay(finish - now, clock, cancellation);
        return new LoadResponse(LoadOutcome.Ok, "id");
    };

    private static IEnumerable<TimeSpan> HundredPerSecondForTenSeconds() =>
        ArrivalSchedule.Offsets([new LoadSegment(ArrivalShape.Constant, TimeSpan.FromSeconds(10), RatePerSecond: 100)], seed: 1);

    [Fact]
    public async Task Every_request_is_sent_when_the_plan_says_even_while_earlier_ones_are_slow()
    {
        var clock = new FakeTimeProvider();
        var planned = ArrivalSchedule.Offsets([new LoadSegment(ArrivalShape.Constant, TimeSpan.FromSeconds(3), RatePerSecond: 10)], seed: 1).ToList();
        LoadTarget slow = async (sequence, cancellation) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock, cancellation);
            return new LoadResponse(sequence % 10 == 9 ? LoadOutcome.Throttled : LoadOutcome.Ok, $"r{sequence}");
        };
        var result = await FakeClock.DriveAsync(clock, () => new OpenLoopGenerator(clock).RunAsync(planned, 100, slow), Step, TimeSpan.FromMinutes(1));

        var records = result.Records.All().ToList();
        Assert.Equal(planned.Select(p => (long)p.TotalMicroseconds), records.Select(r => r.IntendedUs));
        Assert.All(records, r => Assert.Equal(r.IntendedUs, r.SentUs));
        Assert.All(records, r => Assert.Equal(1_000_000, r.ClientLatencyUs));
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"r{i}"), records.Select(r => r.RequestId));
        Assert.Equal((27, 3, 0), (result.Count(LoadOutcome.Ok), result.Count(LoadOutcome.Throttled), result.Count(LoadOutcome.Error)));
        Assert.False(result.Stopped);
    }

    [Fact]
    public async Task A_server_stalled_for_a_second_raises_the_client_percentiles_by_what_the_requests_waited()
    {
        var clock = new FakeTimeProvider();
        var result = await FakeClock.DriveAsync(clock, () => new OpenLoopGenerator(clock).RunAsync(HundredPerSecondForTenSeconds(), 1000, StallingServer(clock, clock.GetUtcNow())), Step, TimeSpan.FromMinutes(1));

        // By hand: 900 requests take 1 ms; the 100 intended at 4.00, 4.01, …, 4.99 s are answered at 5.001 s, so they
        // waited 1001, 991, …, 11 ms. Sorted, rank 990 of 1,000 (HDR's p99: the smallest value with 99 % at or below)
        // is 11 + 10 × (990 − 901) = 901 ms; type 7 (numpy) interpolates ranks 990 and 991: 901 + 0.01 × 10 = 901.1 ms.
        var latencies = result.Records.All().Select(r => r.ClientLatencyUs / 1000.0).Order().ToArray();
        Assert.Equal(900, latencies.Count(l => l == 1));
        Assert.Equal(Enumerable.Range(0, 100).Select(k => 11.0 + 10 * k), latencies.Skip(900));
        Assert.Equal(901.1, Percentiles.Linear(latencies, 99), 6);
        Assert.Equal(901, LatencyHistograms.PercentileMs(result.Histograms.ClientLatency, 99)!.Value, 901 * 0.001);
        Assert.Equal(1, LatencyHistograms.PercentileMs(result.Histograms.ClientLatency, 50)!.Value, 0.001);
        Assert.Equal(1001, LatencyHistograms.PercentileMs(result.Histograms.ClientLatency, 100)!.Value, 1001 * 0.001);
    }

    [Fact]
    public async Task Behind_a_cap_of_one_the_service_times_hide_the_stall_and_the_client_latencies_do_not()
    {
        var clock = new FakeTimeProvider();
        var result = await FakeClock.DriveAsync(clock, () => new OpenLoopGenerator(clock).RunAsync(HundredPerSecondForTenSeconds(), 1, StallingServer(clock, clock.GetUtcNow())), Step, TimeSpan.FromMinutes(1));

        // One connection, as a closed-loop tool would measure: only the request sent at 4.00 s saw the stall itself
        // (1,001 ms); the 100 held behind it were sent one by one after 5.001 s and took 1 ms each. Their service
        // times say p99 = 1 ms; measured from when they should have been sent, they waited up to a second.
        var records = result.Records.All().ToList();
        Assert.Equal(1000, records.Count);
        Assert.Equal(1, records.Count(r => r.ServiceTimeUs > 2_000));
        Assert.Equal(1, LatencyHistograms.PercentileMs(result.Histograms.ServiceTime, 99)!.Value, 0.001);
        Assert.True(LatencyHistograms.PercentileMs(result.Histograms.ClientLatency, 99) > 900);
        Assert.True(records.Count(r => r.SendErrorUs > 0) >= 100);
    }

    [Fact]
    public async Task Stopping_ends_the_sends_waits_for_the_requests_out_and_says_so()
    {
        var clock = new FakeTimeProvider();
        using var stop = new CancellationTokenSource();
        LoadTarget target = async (sequence, cancellation) =>
        {
            if (sequence == 5)
            {
                stop.Cancel();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(55), clock, cancellation); // so none is answered by 50 ms, when #5 stops the load
            return new LoadResponse(LoadOutcome.Ok);
        };
        var result = await FakeClock.DriveAsync(clock, () => new OpenLoopGenerator(clock).RunAsync(HundredPerSecondForTenSeconds(), 100, target, cancellation: stop.Token), Step, TimeSpan.FromMinutes(1));
        Assert.True(result.Stopped);
        Assert.Equal(6, result.Records.Count);
        Assert.Equal(6, result.Count(LoadOutcome.Error));
        Assert.Equal(6, result.Errors["stopped before it was answered"]);
    }
}
