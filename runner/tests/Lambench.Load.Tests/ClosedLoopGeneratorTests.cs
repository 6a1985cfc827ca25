using Lambench.Load.Generation;
using Lambench.Load.Recording;
using Microsoft.Extensions.Time.Testing;

namespace Lambench.Load.Tests;

public sealed class ClosedLoopGeneratorTests
{
    [Fact]
    public async Task Users_send_wait_think_and_send_again_until_the_duration_is_over()
    {
        var clock = new FakeTimeProvider();
        LoadTarget oneSecond = async (_, cancellation) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock, cancellation);
            return new LoadResponse(LoadOutcome.Ok);
        };
        var result = await FakeClock.DriveAsync(clock, () => new ClosedLoopGenerator(clock).RunAsync(2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), oneSecond), TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1));

        // By hand: each user sends at 0, 2, 4, 6 and 8 s (1 s answered, 1 s thinking); at 10 s the duration is over.
        var records = result.Records.All().ToList();
        Assert.Equal(10, records.Count);
        Assert.Equal([0, 0, 2, 2, 4, 4, 6, 6, 8, 8], records.Select(r => r.SentUs / 1_000_000).Order());
        Assert.All(records, r => Assert.Equal((1_000_000, r.SentUs), (r.ClientLatencyUs, r.IntendedUs)));
    }
}
