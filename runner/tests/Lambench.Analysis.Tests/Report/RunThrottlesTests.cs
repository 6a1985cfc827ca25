using Lambench.Analysis.Report;
using Lambench.Analysis.Tables;
using Lambench.Core.Cost;
using Lambench.Core.Csv;
using Lambench.Tests.Shared;

namespace Lambench.Analysis.Tests.Report;

/// <summary>
/// Throttles come from the collection.json a run writes beside its invocations.csv. Expected Wilson bounds: 2 of 105,
/// the values numpy gave for FailuresTests (the same proportion).
/// </summary>
public sealed class RunThrottlesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-throttles-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Csv(string collectionJson)
    {
        var csv = Path.Combine(_directory, "invocations.csv");
        File.Copy(RepositoryPaths.SampleCsv, csv, overwrite: true);
        File.WriteAllText(Path.Combine(_directory, "collection.json"), collectionJson);
        return csv;
    }

    [Fact]
    public async Task A_runs_throttles_become_a_table_a_csv_and_a_methods_sentence()
    {
        var csv = Csv("""{"expected": 10, "throttles": 2, "throttlesByConfiguration": {"order-processor-lambda": 2}, "invocationsByConfiguration": {"order-processor-lambda": 103}}""");
        var rates = RunThrottles.Load([csv]);
        var rate = Assert.Single(rates);
        Assert.Equal(("order-processor-lambda", 103, 2, 105), (rate.Configuration, rate.Invocations, rate.Throttled, rate.Requests));
        Assert.Equal(2.0 / 105, rate.Rate!.Value, 15);
        Assert.Equal(0.005239182065962935, rate.RateCi95!.Value.Lower, 12);
        Assert.Equal(0.06680559669441895, rate.RateCi95!.Value.Upper, 12);

        var output = Path.Combine(_directory, "report");
        await new ReportWriter(PriceCatalogLoader.Load()).WriteAsync(InvocationCsvReader.ReadFile(csv), [csv], new ReportOptions { OutputDirectory = output, StaticFigures = false });
        Assert.Equal(string.Join(",", ThrottleCsvColumns.All.Select(c => c.Name)), File.ReadLines(Path.Combine(output, "throttles.csv")).First());
        Assert.StartsWith("order-processor-lambda,103,2,0.0190476", File.ReadLines(Path.Combine(output, "throttles.csv")).ElementAt(1));
        Assert.Contains("| order-processor-lambda | 103 | 2 | 1.9 % |", File.ReadAllText(Path.Combine(output, "tables", "throttles.md")));
        Assert.Contains("Lambda throttled 2 of 105 requests (1.9 %", File.ReadAllText(Path.Combine(output, "methods.en.md")));
    }

    [Fact]
    public void A_csv_without_its_runs_collection_json_has_no_throttle_counts()
    {
        Assert.Empty(RunThrottles.Load([RepositoryPaths.SampleCsv]));
        Assert.Empty(RunThrottles.Load(["no-such-file.csv"]));
    }

    [Fact]
    public void A_damaged_collection_json_is_named_in_one_line()
    {
        var csv = Csv("""{"throttlesByConfiguration": {"a": 1}""");
        var error = Assert.Throws<InvalidDataException>(() => RunThrottles.Load([csv]));
        Assert.StartsWith(Path.Combine(_directory, "collection.json") + ": not the collection.json a run writes", error.Message);
        var missing = Csv("""{"throttlesByConfiguration": {"a": 1}}""");
        Assert.Throws<InvalidDataException>(() => RunThrottles.Load([missing]));
    }
}
