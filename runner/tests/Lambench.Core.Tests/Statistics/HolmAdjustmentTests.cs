using Lambench.Core.Statistics;

namespace Lambench.Core.Tests.Statistics;

/// <summary>
/// Expected values from an independent computation with numpy, written as R's p.adjust(method = "holm") is:
/// pmin(1, cummax((n − i + 1) · p[order])) put back in the original order.
/// </summary>
public class HolmAdjustmentTests
{
    [Fact]
    public void Matches_r_p_adjust_holm()
    {
        var adjusted = HolmAdjustment.Adjust([0.01, 0.04, 0.03, 0.005, 0.5, 0.04]);
        double[] expected = [0.05, 0.12, 0.12, 0.03, 0.5, 0.12];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], adjusted[i], 12);
        }
    }

    [Fact]
    public void Never_exceeds_one_never_falls_below_the_raw_p_and_keeps_an_empty_family_empty()
    {
        var raw = new[] { 0.9, 0.6, 0.0001, 0.2 };
        var adjusted = HolmAdjustment.Adjust(raw);
        Assert.All(adjusted.Zip(raw), x => Assert.InRange(x.First, x.Second, 1.0));
        Assert.Equal(1.0, adjusted[0]);
        Assert.Empty(HolmAdjustment.Adjust([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => HolmAdjustment.Adjust([double.NaN]));
    }
}
