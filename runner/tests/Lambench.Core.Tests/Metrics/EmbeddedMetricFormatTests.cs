using Lambench.Core.Metrics;

namespace Lambench.Core.Tests.Metrics;

/// <summary>
/// EMF as AWS documents it: the specification's own example and the Lambda Insights example event (both AWS's, see
/// Fixtures/emf/PROVENANCE.md) parse into the metrics the specification says CloudWatch extracts; documents that break
/// a rule of the specification are rejected with the reason.
/// </summary>
public sealed class EmbeddedMetricFormatTests
{
    private static EmbeddedMetricDocument Parse(string text)
    {
        Assert.True(EmbeddedMetricFormat.TryParse(text, out var document, out var reason), reason);
        return document!;
    }

    [Fact]
    public void The_example_of_aws_specification_parses_into_its_one_metric()
    {
        var document = Parse(File.ReadAllText(Fixture.Path("emf/aws-specification-example.json")));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1574109732004), document.Timestamp);
        var metric = Assert.Single(document.Metrics);
        Assert.Equal(new ExtractedMetric("lambda-function-metrics", "time", "Milliseconds", 60, metric.Dimensions, metric.Values), metric);
        Assert.Equal([new("functionVersion", "$LATEST")], metric.Dimensions);
        Assert.Equal([100.0], metric.Values);
        Assert.Equal("989ffbf8-9ace-4817-a57c-e4dd734019ee", document.Text("requestId"));
    }

    [Fact]
    public void The_lambda_insights_example_yields_each_metric_for_each_dimension_set()
    {
        var document = Parse(File.ReadAllText(Fixture.Path("emf/lambda-insights-example.json")));
        // Two dimension sets times eight metrics; _aws.LambdaInsights is a member the specification says to ignore.
        Assert.Equal(16, document.Metrics.Count);
        var memory = document.Metrics.Where(m => m.Name == "memory_utilization").ToList();
        Assert.Equal(["function_name", "function_name,version"], memory.Select(m => string.Join(",", m.Dimensions.Select(d => d.Key))));
        Assert.Equal("Blue", memory[1].Dimensions[1].Value);
        Assert.All(memory, m => Assert.Equal(("LambdaInsights", "Percent", 24.0), (m.Namespace, m.Unit, m.Values.Single())));
        Assert.Equal(45191, document.Number("duration"));
    }

    [Theory]
    [InlineData("""{"time": 1}""", "_aws is missing")]
    [InlineData("""{"_aws": {"CloudWatchMetrics": []}}""", "_aws.Timestamp is missing")]
    [InlineData("""{"_aws": {"Timestamp": 1.5, "CloudWatchMetrics": []}}""", "whole number of milliseconds")]
    [InlineData("""{"_aws": {"Timestamp": 1, "CloudWatchMetrics": [{"Dimensions": [[]], "Metrics": []}]}}""", "Namespace is missing")]
    [InlineData("""{"_aws": {"Timestamp": 1, "CloudWatchMetrics": [{"Namespace": "n", "Dimensions": [["d"]], "Metrics": [{"Name": "t"}]}]}, "t": 1}""", "dimension d of _aws.CloudWatchMetrics[0].Dimensions[0] is not a member")]
    [InlineData("""{"_aws": {"Timestamp": 1, "CloudWatchMetrics": [{"Namespace": "n", "Dimensions": [["d"]], "Metrics": [{"Name": "t"}]}]}, "d": 7, "t": 1}""", "dimension d is not a string")]
    [InlineData("""{"_aws": {"Timestamp": 1, "CloudWatchMetrics": [{"Namespace": "n", "Dimensions": [[]], "Metrics": [{"Name": "t"}]}]}}""", "metric t of _aws.CloudWatchMetrics[0].Metrics[0] is not a member")]
    [InlineData("""{"_aws": {"Timestamp": 1, "CloudWatchMetrics": [{"Namespace": "n", "Dimensions": [[]], "Metrics": [{"Name": "t"}]}]}, "t": "12"}""", "neither a number nor an array of numbers")]
    [InlineData("""{"_aws": {"Timestamp": 1, "CloudWatchMetrics": [{"Namespace": "n", "Dimensions": [[]], "Metrics": [{"Name": "t", "Unit": "Millis"}]}]}, "t": 1}""", "Unit is not one of CloudWatch's units")]
    [InlineData("""{"_aws": {"Timestamp": 1, "CloudWatchMetrics": [{"Namespace": "n", "Dimensions": [[]], "Metrics": [{"Name": "t", "StorageResolution": 5}]}]}, "t": 1}""", "neither 1 nor 60")]
    [InlineData("""[1, 2]""", "not a JSON object")]
    [InlineData("""{"_aws": """, "not JSON")]
    public void A_document_that_breaks_the_specification_is_rejected_with_the_reason(string text, string reason)
    {
        Assert.False(EmbeddedMetricFormat.TryParse(text, out var document, out var why));
        Assert.Null(document);
        Assert.Contains(reason, why);
    }

    [Fact]
    public void The_limits_of_the_specification_hold_at_their_edges()
    {
        static string Values(int n) => $$"""{"_aws": {"Timestamp": 1, "CloudWatchMetrics": [{"Namespace": "n", "Dimensions": [[]], "Metrics": [{"Name": "t"}]}]}, "t": [{{string.Join(",", Enumerable.Repeat("1.5", n))}}]}""";
        Assert.Equal(100, Parse(Values(100)).Metrics.Single().Values.Count);
        Assert.False(EmbeddedMetricFormat.TryParse(Values(101), out _, out var reason));
        Assert.Contains("more than 100 values", reason);

        static string Dimensions(int n) => $$"""{"_aws": {"Timestamp": 1, "CloudWatchMetrics": [{"Namespace": "n", "Dimensions": [[{{string.Join(",", Enumerable.Range(0, n).Select(i => $"\"d{i}\""))}}]], "Metrics": [{"Name": "t"}]}]}, {{string.Concat(Enumerable.Range(0, n).Select(i => $"\"d{i}\": \"v\", "))}}"t": 2}""";
        Assert.Equal(30, Parse(Dimensions(30)).Metrics.Single().Dimensions.Count);
        Assert.False(EmbeddedMetricFormat.TryParse(Dimensions(31), out _, out reason));
        Assert.Contains("more than 30 dimensions", reason);
    }

    [Fact]
    public void A_metric_without_a_unit_is_none_and_a_directive_without_dimension_sets_still_yields_its_metrics()
    {
        var metric = Parse("""{"_aws": {"Timestamp": 0, "CloudWatchMetrics": [{"Namespace": "n", "Dimensions": [], "Metrics": [{"Name": "t", "StorageResolution": 1}]}]}, "t": 3}""").Metrics.Single();
        Assert.Equal(("None", 1, 0), (metric.Unit, metric.StorageResolution, metric.Dimensions.Count));
    }

    [Theory]
    [InlineData("""{"_aws": {}}""", true)]
    [InlineData("""  {"x": "_aws"}""", true)] // a cheap first look: the parse then finds no _aws member
    [InlineData("""  {"x": "aws"}""", false)]
    [InlineData("""START RequestId: 1 {"_aws": {}}""", false)]
    [InlineData("""{"batch_id": "b", "request_id": "r"}""", false)]
    public void Only_a_json_object_that_names_aws_is_worth_parsing_as_emf(string message, bool claims) =>
        Assert.Equal(claims, EmbeddedMetricFormat.LooksLikeEmf(message));
}
