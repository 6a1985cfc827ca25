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
            var line = $"REPORT RequestId: 0f000000-0000-4000-8000-000000000001\tDuration: {text} ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 1 MB\t";
            var parsed = LogMessageParser.Parse(line).Report.Metrics.DurationMs;
            Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(parsed));
        }
    }

    [Theory]
    [InlineData("0.30000000000000004", 0.30000000000000004)]
    [InlineData("123456789012345678", 123456789012345678.0)]
    public void Long_numbers_fall_back_to_the_general_parser(string text, double expected) =>
        Assert.Equal(expected, LogMessageParser.Parse($"REPORT RequestId: 0f000000-0000-4000-8000-000000000001\tDuration: {text} ms\t").Report.Metrics.DurationMs);

    /// <summary>Lambda writes digits with an optional fraction; "231." is a damaged "231.45", and exponents or signs are no durations.</summary>
    [Theory]
    [InlineData("1e3")]
    [InlineData("231.")]
    [InlineData(".5")]
    [InlineData("-1.00")]
    [InlineData("+1.00")]
    public void Other_spellings_are_refused(string text) =>
        Assert.Throws<LogMessageFormatException>(() => LogMessageParser.Parse($"REPORT RequestId: 0f000000-0000-4000-8000-000000000001\tDuration: {text} ms\t"));
}
