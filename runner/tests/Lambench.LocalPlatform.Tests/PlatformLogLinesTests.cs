using Lambench.Core.Parsing;
using Lambench.LocalPlatform.Functions;
using Lambench.LocalPlatform.Logs;

namespace Lambench.LocalPlatform.Tests;

public sealed class PlatformLogLinesTests
{
    // Round trip through the foundation's parser, which was checked against REPORT lines AWS wrote (the sample in data/sample).
    [Fact]
    public void Report_lines_are_in_lambdas_text_format()
    {
        var line = PlatformLogLines.Report("7f9e0f2c-0000-4000-8000-000000000001", 3005.314, 3064m, 512, 18, 58.36, "success", null, json: false);
        Assert.Equal("REPORT RequestId: 7f9e0f2c-0000-4000-8000-000000000001\tDuration: 3005.31 ms\tBilled Duration: 3064 ms\tMemory Size: 512 MB\tMax Memory Used: 18 MB\tInit Duration: 58.36 ms\t", line);
        var parsed = LogMessageParser.Parse(line).Report;
        Assert.Equal((3005.31, (double?)3064.0, (int?)512, (double?)18.0, (double?)58.36), (parsed.Metrics.DurationMs, parsed.Metrics.BilledDurationMs, parsed.Metrics.MemorySizeMb, parsed.Metrics.MaxMemoryUsedMb, parsed.Metrics.InitDurationMs));

        var timeout = PlatformLogLines.Report("7f9e0f2c-0000-4000-8000-000000000002", 1000, 1000m, 128, 30, null, "timeout", "Sandbox.Timedout", json: false);
        Assert.EndsWith("Max Memory Used: 30 MB\tStatus: timeout\tError Type: Sandbox.Timedout\t", timeout);
        Assert.Equal(("timeout", "Sandbox.Timedout"), (LogMessageParser.Parse(timeout).Report.Metrics.Status, LogMessageParser.Parse(timeout).Report.Metrics.ErrorType));
    }

    [Fact]
    public void Json_format_gives_platform_records()
    {
        var line = PlatformLogLines.Report("7f9e0f2c-0000-4000-8000-000000000003", 2.5, 3m, 128, 20, 100.25, "success", null, json: true);
        Assert.Contains("\"type\":\"platform.report\"", line);
        Assert.Contains("\"metrics\":{\"durationMs\":2.5,\"billedDurationMs\":3,\"memorySizeMB\":128,\"maxMemoryUsedMB\":20,\"initDurationMs\":100.25}", line);
        var parsed = LogMessageParser.Parse(line);
        Assert.Equal((LogMessageKind.Report, 2.5, (double?)100.25), (parsed.Kind, parsed.Report.Metrics.DurationMs, parsed.Report.Metrics.InitDurationMs));
    }

    [Theory]
    [InlineData("REPORT", "REPORT RequestId: x", true)]
    [InlineData("REPORT", "report lower case", false)]
    [InlineData("\"Task timed out\"", "abc Task timed out after 3.00 seconds", true)]
    [InlineData("START -Version", "START RequestId: x Version: $LATEST", false)]
    [InlineData("?START ?END", "END RequestId: x", true)]
    [InlineData("", "anything", true)]
    public void Filter_patterns_match_terms_as_cloudwatch_does(string pattern, string message, bool matches) =>
        Assert.Equal(matches, FilterPattern.Parse(pattern).Matches(message));

    [Fact]
    public void Json_filter_patterns_are_refused_with_a_reason() =>
        Assert.Contains("not supported locally", Assert.Throws<FormatException>(() => FilterPattern.Parse("{ $.level = \"ERROR\" }")).Message);
}
