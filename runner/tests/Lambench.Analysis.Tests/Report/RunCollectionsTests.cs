using Lambench.Analysis.Report;
using Lambench.Analysis.Tables;
using Lambench.Core.Cost;
using Lambench.Core.Csv;
using Lambench.Tests.Shared;

namespace Lambench.Analysis.Tests.Report;

/// <summary>
/// Throttles and the setup come from the collection.json a run writes beside its invocations.csv. Expected Wilson bounds: 2 of 105,
/// the values numpy gave for FailuresTests (the same proportion).
/// </summary>
public sealed class RunCollectionsTests : IDisposable
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
        var rates = RunCollections.Load([csv]).Throttles;
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

    [Theory]
    [InlineData("en", "The cpu workload was run on the aws platform through the invoke channel in 5 round(s) of the protocol; in each round, per configuration: a configuration update (fresh execution environments), 1 discarded warm-up invocation(s), 0 forced cold start(s) per batch (an environment variable change, then a wait until the update was active) and 5 warm repetition(s) per batch (sort-10k, primes-20k), in a random interleaving of configurations and repetitions drawn anew each round from seed 20260101, with reserved concurrency 1.")]
    [InlineData("pt-BR", "A carga cpu foi executada na plataforma aws pelo canal invoke em 5 rodada(s) do protocolo;")]
    public async Task A_runs_setup_is_described_in_the_methods_paragraph(string code, string sentence)
    {
        var csv = Csv("""{"setup": {"rounds": 5, "warmup": 1, "coldStarts": 0, "repetitions": 5, "reservedConcurrency": 1, "order": "random", "seed": 20260101, "workload": "cpu", "channel": "invoke", "platform": "aws", "batches": ["sort-10k", "primes-20k"]}}""");
        var output = Path.Combine(_directory, "report");
        await new ReportWriter(PriceCatalogLoader.Load()).WriteAsync(InvocationCsvReader.ReadFile(csv), [csv], new ReportOptions { OutputDirectory = output, StaticFigures = false });
        Assert.Contains(sentence, File.ReadAllText(Path.Combine(output, $"methods.{code}.md")));
        Assert.Empty(RunCollections.Load([csv]).Throttles);
    }

    [Fact]
    public void A_csv_without_its_runs_collection_json_has_no_throttle_counts()
    {
        Assert.Empty(RunCollections.Load([RepositoryPaths.SampleCsv]).Throttles);
        Assert.Empty(RunCollections.Load(["no-such-file.csv"]).Throttles);
    }

    [Fact]
    public void A_damaged_collection_json_is_named_in_one_line()
    {
        var csv = Csv("""{"throttlesByConfiguration": {"a": 1}""");
        var error = Assert.Throws<InvalidDataException>(() => RunCollections.Load([csv]));
        Assert.StartsWith(Path.Combine(_directory, "collection.json") + ": not the collection.json a run writes", error.Message);
        var missing = Csv("""{"throttlesByConfiguration": {"a": 1}}""");
        Assert.Throws<InvalidDataException>(() => RunCollections.Load([missing]));
    }
}
