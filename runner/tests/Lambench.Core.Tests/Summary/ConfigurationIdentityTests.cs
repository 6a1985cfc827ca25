using Lambench.Core.Records;
using Lambench.Core.Summary;

namespace Lambench.Core.Tests.Summary;

public class ConfigurationIdentityTests
{
    private static InvocationRecord Row(string id, string? runtime, string? architecture = "arm64", int? memory = 512) =>
        new() { Configuration = "c", RequestId = id, DurationMs = 1, Runtime = runtime, Architecture = architecture, MemorySizeMb = memory };

    [Fact]
    public void One_value_on_every_row_is_the_identity()
    {
        var identity = ConfigurationIdentity.Of([Row("1", "go"), Row("2", "go")]);
        Assert.Equal(("go", "arm64", 512), (identity.Runtime, identity.Architecture, identity.MemorySizeMb!.Value));
        Assert.Empty(identity.Mixed);
        Assert.True(identity.IsComparable);
    }

    [Fact]
    public void Two_values_are_mixed_and_left_empty()
    {
        var identity = ConfigurationIdentity.Of([Row("1", "go"), Row("2", "python3.12")]);
        Assert.Null(identity.Runtime);
        Assert.Equal(["runtime values (go, python3.12)"], identity.Mixed);
        Assert.False(identity.IsComparable);
    }

    [Fact]
    public void A_value_missing_on_some_rows_is_kept_for_the_summary_but_not_comparable()
    {
        var identity = ConfigurationIdentity.Of([Row("1", "go"), Row("2", null)]);
        Assert.Equal("go", identity.Runtime);
        Assert.Empty(identity.Mixed);
        Assert.False(identity.IsComparable);
    }

    [Fact]
    public void Unknown_on_every_row_is_comparable_as_unknown()
    {
        var identity = ConfigurationIdentity.Of([Row("1", null), Row("2", null)]);
        Assert.Null(identity.Runtime);
        Assert.True(identity.IsComparable);
    }

    [Fact]
    public void The_summary_warns_about_a_mixed_configuration()
    {
        var summarizer = new ConfigurationSummarizer(new Lambench.Core.Cost.LambdaCostModel(Lambench.Core.Cost.PriceCatalogLoader.Load()));
        var result = summarizer.Summarise([Row("1", "go"), Row("2", "python3.12")]);
        Assert.Contains("configuration 'c' mixes runtime values (go, python3.12): compared configurations must hold one each; left empty", result.Warnings);
        Assert.All(result.Rows, r => Assert.Null(r.Runtime));
    }
}
