using Lambench.Core.Specs;
using Lambench.Core.Vocabulary;
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
        Assert.Equal((name, configurations, batches, target), (spec.Name, spec.Configurations.Count, spec.Batches.Count, spec.Target.Name()));
        Assert.True(spec.Protocol.Repetitions >= 5);
        // Replicated: every shipped spec runs rounds, each in a random interleaving.
        Assert.True(spec.Protocol.Rounds >= 3);
        Assert.Equal("random", spec.Protocol.Order.Name());
    }

    [Fact]
    public void The_seed_000_spec_reads_as_the_protocol_says_and_explains_the_sqs_trap()
    {
        var spec = new ExperimentSpecReader().Read(Path.Combine(RepositoryPaths.Root(), "experiments", "tcc-dynamo-writes.yaml"));
        Assert.Equal(["python-arm64-512mb", "python-x86_64-512mb", "go-arm64-512mb", "go-x86_64-512mb"], spec.Configurations.Select(c => c.Name));
        Assert.Equal("lambench-go-writer-arm64", spec.Configurations[2].FunctionName("lambench", spec.Workload));
        Assert.Equal(new Dictionary<string, object> { ["size_bytes"] = 65536, ["count"] = 16 }, spec.Batches[3].Parameters);
        Assert.Equal((5, 1, 0, 5, (int?)1, "random"), (spec.Protocol.Rounds, spec.Protocol.Warmup, spec.Protocol.ColdStarts, spec.Protocol.Repetitions, spec.Protocol.ReservedConcurrency, spec.Protocol.Order.Name()));
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
        Assert.Contains($"{path}:1: name: 'Bad Name' must be lower-case letters, digits and hyphens, at most 64 (it names the run directory)", lines);
        Assert.Contains($"{path}:3: channel: sqs feeds only the writer and the sleep function (the template's queues trigger those); use invoke, event, url or api for cpu", lines);
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
            protocol: { rounds: 1, warmup: 1, cold_starts: 0, repetitions: 5, reserved_concurrency: none, order: fixed }
            """));
        Assert.Equal(["go-arm64-128mb", "go-arm64-1769mb"], spec.Configurations.Select(c => c.Name));
        Assert.Null(spec.Protocol.ReservedConcurrency);
        Assert.Equal("local", spec.Target.Name());
        Assert.Empty(spec.Notes);
    }

    private const string Valid = """
        name: v
        target: local
        workload: sleep
        channel: invoke
        configurations: { runtimes: [go], architectures: [x86_64], memory_mb: [512] }
        batches: [{ label: s, sleep_ms: 0 }]
        protocol: { rounds: 1, warmup: 1, cold_starts: 0, repetitions: 5, reserved_concurrency: 1, order: fixed }
        """;

    private List<string> Errors(string yaml) =>
        Assert.Throws<SpecException>(() => new ExperimentSpecReader().Read(Write(yaml))).Errors.Select(e => $"{e.Line}: {e.Field}: {e.Message}").ToList();

    [Fact]
    public void The_valid_spec_of_these_tests_reads()
    {
        var spec = new ExperimentSpecReader().Read(Write(Valid));
        Assert.Equal(("local", 1, 0, 5), (spec.Target.Name(), spec.Protocol.Warmup, spec.Protocol.ColdStarts, spec.Protocol.Repetitions));
    }

    /// <summary>The fault trial's "target: AWS" ran on local: the value was checked after the errors were reported.</summary>
    [Theory]
    [InlineData("target: local", "target: AWS", "2: target: 'AWS' is not one of local, aws (names are lower case as listed: write aws)")]
    [InlineData("workload: sleep", "workload: Sleep", "3: workload: 'Sleep' is not one of writer, reader, cpu, sleep, noop (names are lower case as listed: write sleep)")]
    [InlineData("order: fixed", "order: FIXED", "7: protocol.order: 'FIXED' is not one of fixed, random (names are lower case as listed: write fixed)")]
    public void A_miscased_or_unknown_name_is_an_error_listing_the_allowed_ones(string valid, string wrong, string expected)
    {
        Assert.Equal(expected, Errors(Valid.Replace(valid, wrong, StringComparison.Ordinal))[0]);
    }

    [Theory]
    [InlineData("cold_starts: 0, ", "7: protocol.cold_starts: required")]
    [InlineData("repetitions: 5, ", "7: protocol.repetitions: required")]
    [InlineData("rounds: 1, ", "7: protocol.rounds: required")]
    [InlineData("reserved_concurrency: 1, ", "7: protocol.reserved_concurrency: required")]
    public void Required_protocol_fields_are_required_not_defaulted(string removed, string expected)
    {
        Assert.Equal([expected], Errors(Valid.Replace(removed, string.Empty, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("label: s", "label: null")]
    [InlineData("label: s", "label: ~")]
    [InlineData("label: s", "label:")]
    public void A_yaml_null_is_no_value_never_the_text_null(string valid, string nulled)
    {
        Assert.Equal(["6: batches[0].label: required"], Errors(Valid.Replace(valid, nulled, StringComparison.Ordinal)));
        Assert.Equal("null", new ExperimentSpecReader().Read(Write(Valid.Replace(valid, "label: 'null'", StringComparison.Ordinal))).Batches[0].Label);
    }

    [Theory]
    [InlineData("memory_mb: [512]", "memory_mb: [512, 1024, 512]", "5: configurations.memory_mb: '512' is listed twice: each configuration must differ")]
    [InlineData("runtimes: [go]", "runtimes: [go, go]", "5: configurations.runtimes: 'go' is listed twice: each configuration must differ")]
    [InlineData("label: s", "label: '=cmd|calc'", "6: batches[0].label: '=cmd|calc' is not a label: at most 64 printable characters, without blanks around them, not starting with =, +, - or @ (a spreadsheet would run it as a formula)")]
    public void Repeated_configuration_values_and_formula_labels_are_errors(string valid, string wrong, string expected)
    {
        var errors = Errors(Valid.Replace(valid, wrong, StringComparison.Ordinal).Replace("name: v", "name: v\nvariables: [memory]", StringComparison.Ordinal));
        Assert.Contains(expected.Replace("5: ", "6: ", StringComparison.Ordinal).Replace("6: batches", "7: batches", StringComparison.Ordinal), errors);
    }

    [Fact]
    public void Deep_or_huge_documents_are_refused_before_the_tree_is_built()
    {
        // 50,000 levels overflowed the stack in YamlDotNet's tree builder, which no handler can catch.
        var deep = Errors(new string('[', 50_000) + new string(']', 50_000));
        Assert.Equal(["1: (file): nested more than 32 levels deep; a spec needs three"], deep);
        var huge = Errors(Valid + "\n# " + new string('x', (1 << 20) + 10));
        Assert.Contains("a spec is at most 1 MiB", Assert.Single(huge));
    }

    [Fact]
    public void Broken_yaml_and_a_missing_file_are_errors_too()
    {
        var broken = Write("name: [unclosed\n");
        Assert.Contains("not valid YAML", Assert.Single(Assert.Throws<SpecException>(() => new ExperimentSpecReader().Read(broken)).Errors).Message);
        Assert.Single(Assert.Throws<SpecException>(() => new ExperimentSpecReader().Read(Path.Combine(_directory, "none.yaml"))).Errors);
    }
}
