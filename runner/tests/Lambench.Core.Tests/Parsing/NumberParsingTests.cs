using System.Globalization;
using Lambench.Core.Parsing;

namespace Lambench.Core.Tests.Parsing;

public class NumberParsingTests
{
    /// <summary>The fast digit reader must give the same bits as double.Parse (the independent reference) for every value it reads.</summary>
    [Fact]
    public void Durations_read_to_the_same_double_as_double_parse()
    {
        var random = new Random(3);
        for (var i = 0; i < 20_000; i++)
        {
            var text = i switch
            {
                < 5_000 => (random.Next(0, 1_000_000) / 100.0).ToString("F2", CultureInfo.InvariantCulture),
                < 10_000 => (random.NextDouble() * 900_000).ToString("F3", CultureInfo.InvariantCulture),
                < 15_000 => random.Next(0, 10_241).ToString(CultureInfo.InvariantCulture),
                _ => (random.NextDouble() * 1000).ToString("F6", CultureInfo.InvariantCulture),
            };
            var line = $"REPORT RequestId: r\tDuration: {text} ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 1 MB\t";
            var parsed = LogMessageParser.Parse(line).Report.Metrics.DurationMs;
            Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(parsed));
        }
    }

    [Theory]
    [InlineData("1e3", 1000.0)]
    [InlineData("0.30000000000000004", 0.30000000000000004)]
    [InlineData("123456789012345678", 123456789012345678.0)]
    public void Other_spellings_fall_back_to_the_general_parser(string text, double expected) =>
        Assert.Equal(expected, LogMessageParser.Parse($"REPORT RequestId: r\tDuration: {text} ms\t").Report.Metrics.DurationMs);
}
