using Lambench.Core.Statistics;

namespace Lambench.Core.Tests.Statistics;

/// <summary>The radix sort against Array.Sort (the framework's comparison sort) on the same values: the same order, bit for bit.</summary>
public class RadixSortTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(5_000)]
    [InlineData(100_000)]
    public void Sorts_as_array_sort_does(int n)
    {
        var random = new Random(n);
        // Durations with two decimals (many ties, one exponent range), and wide-ranging values of both signs with infinities.
        var durations = Enumerable.Range(0, n).Select(_ => Math.Round(40 + random.NextDouble() * 20, 2)).ToArray();
        var wide = Enumerable.Range(0, n).Select(i => i % 97 == 0 ? double.PositiveInfinity : i % 89 == 0 ? double.NegativeInfinity
            : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300))).ToArray();
        foreach (var values in new[] { durations, wide })
        {
            var expected = (double[])values.Clone();
            Array.Sort(expected);
            var actual = (double[])values.Clone();
            RadixSort.Sort(actual);
            Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void Leaves_values_with_nan_to_array_sort()
    {
        var values = Enumerable.Range(0, 5_000).Select(i => i % 1000 == 0 ? double.NaN : 5_000.0 - i).ToArray();
        var expected = (double[])values.Clone();
        Array.Sort(expected);
        RadixSort.Sort(values);
        Assert.Equal(expected, values);
    }
}
