using System.Globalization;
using Lambench.Core.Logs;

namespace Lambench.Core.Tests.Logs;

public class TimestampPrefixTests
{
    /// <summary>The fast reader must agree with DateTimeOffset.TryParse (the independent reference) on every shape it accepts.</summary>
    [Theory]
    [InlineData("2024-06-01T12:00:01.317Z")]
    [InlineData("2024-06-01T12:00:01Z")]
    [InlineData("2024-06-01T12:00:00.123000+00:00")]
    [InlineData("2024-06-01T09:00:00.5-03:00")]
    [InlineData("2024-12-31T23:59:59.9999999+05:30")]
    [InlineData("2024-06-01 12:00:01.200")]
    [InlineData("2024-02-29T00:00:00Z")]
    public void Fast_iso_reader_agrees_with_the_framework(string text)
    {
        Assert.True(TimestampPrefix.TryParseIso(text, out var fast));
        Assert.True(DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var reference));
        Assert.Equal(reference, fast);
        Assert.Equal(reference.UtcTicks, fast.UtcTicks);
    }

    [Theory]
    [InlineData("2023-02-29T00:00:00Z")]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("2024-06-01T24:00:00Z")]
    [InlineData("2024-06-01T12:00:00.Z")]
    [InlineData("2024-06-01T12:00:00 UTC")]
    [InlineData("2024/06/01 12:00:00")]
    public void Fast_iso_reader_leaves_everything_else_to_the_framework(string text) => Assert.False(TimestampPrefix.TryParseIso(text, out _));
}
