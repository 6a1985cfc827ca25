using Lambench.Core.Statistics;

namespace Lambench.Core.Tests.Statistics;

/// <summary>
/// Expected bounds computed independently with Debian's Python: statistics.NormalDist().inv_cdf(0.975) for z and
/// Wilson's formula (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n) evaluated with numpy.
/// </summary>
public class WilsonIntervalTests
{
    [Theory]
    [InlineData(1, 100, 0.001767432064140647, 0.05448619617870529)]
    [InlineData(0, 20, 0.0, 0.1611251580528193)]
    [InlineData(20, 20, 0.8388748419471808, 1.0)]
    [InlineData(3, 103, 0.009954367816644556, 0.08215836566082022)]
    public void Matches_an_independent_computation(int events, int n, double lower, double upper)
    {
        var ci = WilsonInterval.Compute(events, n)!.Value;
        Assert.Equal(lower, ci.Lower, 12);
        Assert.Equal(upper, ci.Upper, 12);
        Assert.Equal(0.95, ci.Coverage);
    }

    [Fact]
    public void Is_undefined_without_trials_and_refuses_impossible_counts()
    {
        Assert.Null(WilsonInterval.Compute(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Compute(3, 2));
    }
}
