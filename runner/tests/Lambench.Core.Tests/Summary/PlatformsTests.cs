using Lambench.Core.Cost;
using Lambench.Core.Records;
using Lambench.Core.Summary;

namespace Lambench.Core.Tests.Summary;

/// <summary>Local and AWS measurements in one input: summarised apart, never compared, and said so.</summary>
public class PlatformsTests
{
    private static readonly ConfigurationSummarizer Summarizer = new(new LambdaCostModel(PriceCatalogLoader.Load()));

    private static IEnumerable<InvocationRecord> Rows(string configuration, string architecture, string platform, double offset) =>
        Enumerable.Range(0, 12).Select(i => new InvocationRecord
        {
            Configuration = configuration, RequestId = $"{configuration}-{i}", DurationMs = 10 + i + offset, BilledDurationMs = 11 + i,
            MemorySizeMb = 512, Architecture = architecture, Runtime = "python3.12", Platform = platform,
        });

    [Fact]
    public void A_local_and_an_aws_configuration_are_never_compared_and_the_mix_is_reported()
    {
        // Differing in architecture only, they would be an architecture comparison if the platform were the same.
        var result = Summarizer.Summarise([.. Rows("local-x86", "x86_64", "local", 0), .. Rows("aws-arm", "arm64", "aws", 5)]);
        Assert.Empty(result.Comparisons);
        Assert.Contains(result.Warnings, w => w.StartsWith("the input mixes platforms (aws, local)", StringComparison.Ordinal));

        var same = Summarizer.Summarise([.. Rows("aws-x86", "x86_64", "aws", 0), .. Rows("aws-arm", "arm64", "aws", 5)]);
        Assert.Contains(same.Comparisons, c => c.Factor == "architecture");
        Assert.DoesNotContain(same.Warnings, w => w.Contains("mixes platforms", StringComparison.Ordinal));
    }

    [Fact]
    public void A_configuration_whose_rows_mix_platforms_is_compared_with_nothing()
    {
        var mixed = Rows("c", "x86_64", "aws", 0).Concat(Rows("c", "x86_64", "local", 0).Select(r => r with { RequestId = r.RequestId + "-local" }));
        var result = Summarizer.Summarise([.. mixed, .. Rows("d", "arm64", "aws", 0)]);
        Assert.Empty(result.Comparisons);
        Assert.Contains(result.Warnings, w => w.Contains("mixes platform", StringComparison.Ordinal));
    }
}
