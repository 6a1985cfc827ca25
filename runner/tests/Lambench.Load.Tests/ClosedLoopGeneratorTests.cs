using Lambench.Load.Generation;
using Lambench.Load.Recording;
using Microsoft.Extensions.Time.Testing;

namespace Lambench.Load.Tests;

public sealed class ClosedLoopGeneratorTests
{
    private static LoadTarget AnsweringAfterOneSecond(TimeProvider clock) => async (_, cancellation) =>
    {
        await Task.Delay(TimeSpan.FromSeconds(1), clock, cancellation);
        return new LoadResponse(LoadOutcome.Ok);
    };

    [Fact]
    public async Task Users_send_wait_think_and_send_again_until_the_duration_is_over()
    {
        var clock = new FakeTimeProvider();
        var oneSecond = AnsweringAfterOneSecond(clock);
        var result = await FakeClock.DriveAsync(clock, () => new ClosedLoopGenerator(clock).RunAsync([new UserLevel(2, TimeSpan.FromSeconds(10))], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 1, oneSecond), TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1));

        // By hand: each user sends at 0, 2, 4, 6 and 8 s (1 s answered, 1 s thinking); at 10 s the duration is over.
        var records = result.Records.All().ToList();
        Assert.Equal(10, records.Count);
        Assert.Equal([0, 0, 2, 2, 4, 4, 6, 6, 8, 8], records.Select(r => r.SentUs / 1_000_000).Order());
        Assert.All(records, r => Assert.Equal((1_000_000, r.SentUs), (r.ClientLatencyUs, r.IntendedUs)));
    }

    [Fact]
    public async Task A_ramp_of_users_adds_users_at_each_level_and_think_times_fall_within_their_bounds()
    {
        var clock = new FakeTimeProvider();
        var oneSecond = AnsweringAfterOneSecond(clock);
        var levels = new[] { new UserLevel(1, TimeSpan.FromSeconds(4)), new UserLevel(3, TimeSpan.FromSeconds(4)) };
        var result = await FakeClock.DriveAsync(clock, () => new ClosedLoopGenerator(clock).RunAsync(levels, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 1, oneSecond), TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1));

        // By hand: user 0 sends at 0, 2, 4 and 6 s; users 1 and 2 join at 4 s and send at 4 and 6 s.
        Assert.Equal([0, 2, 4, 4, 4, 6, 6, 6], result.Records.All().Select(r => r.SentUs / 1_000_000).Order());

        var ranged = await FakeClock.DriveAsync(clock, () => new ClosedLoopGenerator(clock).RunAsync([new UserLevel(1, TimeSpan.FromSeconds(60))], TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), 5, oneSecond), TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(2));
        var sends = ranged.Records.All().Select(r => r.SentUs / 1000.0).ToList();
        var thinks = sends.Zip(sends.Skip(1), (a, b) => b - a - 1000).ToList();
        Assert.All(thinks, t => Assert.InRange(t, 100, 500));
        Assert.True(thinks.Max() - thinks.Min() > 200, "think times drawn, not constant");
    }
}
