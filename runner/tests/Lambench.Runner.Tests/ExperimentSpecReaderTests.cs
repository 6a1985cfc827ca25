using Lambench.Runner.Specs;
using Lambench.Tests.Shared;

namespace Lambench.Runner.Tests;

public sealed class ExperimentSpecReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-spec-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string yaml)
    {
        var path = Path.Combine(_directory, "spec.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Theory]
    [InlineData("quickstart", 2, 2, "local")]
    [InlineData("tcc-dynamo-writes", 4, 4, "aws")]
    [InlineData("arch-compute", 4, 4, "aws")]
    [InlineData("cold-starts", 12, 1, "aws")]
    public void The_shipped_specs_are_valid(string name, int configurations, int batches, string target)
    {
        var spec = new ExperimentSpecReader().Read(Path.Combine(RepositoryPaths.Root(), "experiments", name + ".yaml"));
        Assert.Equal((name, configurations, batches, target), (spec.Name, spec.Configurations.Count, spec.Batches.Count, spec.Target));
        Assert.True(spec.Protocol.Repetitions >= 5);
        // Replicated: every shipped spec runs rounds, each in a random interleaving.
        Assert.True(spec.Protocol.Rounds >= 3);
        Assert.Equal("random", spec.Protocol.Order);
    }

    [Fact]
    public void The_seed_000_spec_reads_as_the_protocol_says_and_explains_the_sqs_trap()
    {
        var spec = new ExperimentSpecReader().Read(Path.Combine(RepositoryPaths.Root(), "experiments", "tcc-dynamo-writes.yaml"));
        Assert.Equal(["python-arm64-512mb", "python-x86_64-512mb", "go-arm64-512mb", "go-x86_64-512mb"], spec.Configurations.Select(c => c.Name));
        Assert.Equal("lambench-go-writer-arm64", spec.Configurations[2].FunctionName("lambench", spec.Workload));
        Assert.Equal(new Dictionary<string, object> { ["size_bytes"] = 65536, ["count"] = 16 }, spec.Batches[3].Parameters);
        Assert.Equal((5, 1, 0, 5, (int?)1, "random"), (spec.Protocol.Rounds, spec.Protocol.Warmup, spec.Protocol.ColdStarts, spec.Protocol.Repetitions, spec.Protocol.ReservedConcurrency, spec.Protocol.Order));
        Assert.Contains("does not respect reserved concurrency 1", Assert.Single(spec.Notes));
    }

    [Fact]
    public void Every_error_is_reported_at_once_with_line_and_field()
    {
        var path = Write("""
            name: Bad Name
            workload: cpu
            channel: sqs
            colour: blue
            configurations:
              runtimes: [python, rust]
              architectures: [arm64, x86_64]
              memory_mb: [64]
            batches:
              - { label: a, operation: sort, data_size: 10 }
              - { label: a, operation: fft, data_size: 10, iterations: 1 }
            protocol:
              repetitions: 3
              order: shuffled
              rounds: 0
            """);
        var error = Assert.Throws<SpecException>(() => new ExperimentSpecReader().Read(path));
        var lines = error.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains($"{path}:1: name: 'Bad Name' must be lower-case letters, digits and hyphens (it names the run directory)", lines);
        Assert.Contains($"{path}:3: channel: sqs feeds only the writer (the template's queues trigger writers); use invoke or url for cpu", lines);
        Assert.Contains(lines, l => l.StartsWith($"{path}:4: colour: unknown field", StringComparison.Ordinal));
        Assert.Contains($"{path}:6: configurations.runtimes: 'rust' is not one of python, go", lines);
        Assert.Contains($"{path}:8: configurations.memory_mb: '64' is not a memory size in MB from 128 to 10240", lines);
        Assert.Contains(lines, l => l.StartsWith($"{path}:10: batches[0].iterations: required", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{path}:11: batches[1].label: 'a' labels two batches", StringComparison.Ordinal));
        Assert.Contains($"{path}:11: batches[1].operation: 'fft' is not one of sort, math, string", lines);
        Assert.Contains($"{path}:13: protocol.repetitions: 3: at least 5 repetitions (the thesis protocol), so that means and percentiles carry a confidence interval", lines);
        Assert.Contains($"{path}:14: protocol.order: 'shuffled' is not one of fixed, random", lines);
        Assert.Contains($"{path}:15: protocol.rounds: 0 is outside 1 to 1000", lines);
        Assert.Contains(lines, l => l.Contains("variables: the configurations differ in architecture (2 values), which the spec does not name as a variable", StringComparison.Ordinal));
        Assert.Equal(error.Errors.OrderBy(e => e.Line).Select(e => e.Line), error.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Configurations_are_the_matrix_of_runtimes_architectures_and_memory()
    {
        var spec = new ExperimentSpecReader().Read(Write("""
            name: m
            workload: sleep
            channel: invoke
            configurations: { runtimes: go, architectures: [arm64], memory_mb: [128, 1769] }
            variables: [memory]
            batches: [{ label: s, sleep_ms: 0 }]
            protocol: { repetitions: 5, reserved_concurrency: none }
            """));
        Assert.Equal(["go-arm64-128mb", "go-arm64-1769mb"], spec.Configurations.Select(c => c.Name));
        Assert.Null(spec.Protocol.ReservedConcurrency);
        Assert.Equal("local", spec.Target);
        Assert.Empty(spec.Notes);
    }

    [Fact]
    public void Broken_yaml_and_a_missing_file_are_errors_too()
    {
        var broken = Write("name: [unclosed\n");
        Assert.Contains("not valid YAML", Assert.Single(Assert.Throws<SpecException>(() => new ExperimentSpecReader().Read(broken)).Errors).Message);
        Assert.Single(Assert.Throws<SpecException>(() => new ExperimentSpecReader().Read(Path.Combine(_directory, "none.yaml"))).Errors);
    }
}
