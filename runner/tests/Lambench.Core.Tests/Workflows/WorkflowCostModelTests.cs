using Lambench.Core.Cost;
using Lambench.Core.Specs;
using Lambench.Core.Workflows;
using Lambench.Tests.Shared;

namespace Lambench.Core.Tests.Workflows;

/// <summary>
/// The architecture cost model against hand computations, each written out beside its assertion, with the shipped
/// us-east-1 prices: Step Functions 0.025 USD per 1,000 transitions (4,000 free), Lambda x86_64 0.0000166667 USD per
/// GB-s and 0.20 per million requests (400,000 GB-s and 1,000,000 requests free), SQS 0.40 per million, S3 0.023 per
/// GB-month, 0.005 per 1,000 writes, 0.0004 per 1,000 reads, Logs 0.50 per GB of 2^30 bytes, Scheduler 1.00 per
/// million (14 million free), express 1.00 per million and 0.00001667 / 0.00000833 / 0.00000456 per GB-s by tier.
/// </summary>
public sealed class WorkflowCostModelTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-workflow-").FullName;
    private static readonly WorkflowCostModel Model = new(PriceCatalogLoader.Load());

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Shipped => Path.Combine(RepositoryPaths.Root(), "architectures", "finops-workflow.yaml");

    private string Write(string yaml)
    {
        var path = Path.Combine(_directory, "architecture.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static decimal Cost(WorkflowCost cost, CloudService service, CostItem item, string? subject = null) =>
        cost.Lines.Single(l => l.Service == service && l.Item == item && l.Subject == subject).CostUsd;

    [Fact]
    public void The_finops_example_gives_the_hand_computed_lines_and_total()
    {
        var cost = Model.Price(new WorkflowSpecReader().Read(Shipped));

        // 100 a day × 30 days = 3,000 executions.
        Assert.Equal(3000, cost.ExecutionsPerMonth);
        // Transitions per execution: InitializeExecution 1 + the Map state 1 + 13 ProcessBatch + AggregateResults 1 = 16;
        // 3,000 × 16 = 48,000 × 0.025 / 1,000 = 1.20 USD; the free 4,000 take off 0.10.
        Assert.Equal(48_000m, cost.Lines.Single(l => l.Item == CostItem.Transitions).Quantity);
        Assert.Equal(1.20m, Cost(cost, CloudService.StepFunctions, CostItem.Transitions, "finops-analysis"));
        Assert.Equal(-0.10m, Cost(cost, CloudService.StepFunctions, CostItem.FreeTier));
        // Lambda GB-s: mapper 3,000 × 2 s × 0.25 GB = 1,500; worker 39,000 × 30 s × 0.5 GB = 585,000;
        // aggregator 3,000 × 10 s × 0.5 GB = 15,000. Worker: 585,000 × 0.0000166667 = 9.7500195.
        Assert.Equal(1_500m, cost.Lines.Single(l => l.Subject == "mapper").Quantity);
        Assert.Equal(9.7500195m, Cost(cost, CloudService.Lambda, CostItem.Compute, "worker"));
        // 45,000 requests × 0.20 / 1e6 = 0.009, all within the free million.
        Assert.Equal(0.009m, Cost(cost, CloudService.Lambda, CostItem.Requests));
        Assert.Equal(-0.009m, Cost(cost, CloudService.Lambda, CostItem.FreeTier, "requests"));
        // Free GB-s: 400,000 × 0.0000166667 = 6.66668; what is left: 201,500 GB-s = 3.35834005 USD.
        Assert.Equal(-6.66668m, Cost(cost, CloudService.Lambda, CostItem.FreeTier, "x86_64"));
        Assert.Equal(3.35834005m, cost.ByService.Single(s => s.Service == CloudService.Lambda).CostUsd);
        // SQS: 3,000 × 0.01 messages × 3 requests = 90 × 0.40 / 1e6 = 0.000036.
        Assert.Equal(0.000036m, Cost(cost, CloudService.Sqs, CostItem.Requests, "dead-letters"));
        // S3: 1 GB-month 0.023 + 51,000 writes 0.255 + 81,000 reads 0.0324 = 0.3104.
        Assert.Equal(0.3104m, cost.ByService.Single(s => s.Service == CloudService.S3).CostUsd);
        // Logs: 3,000 × 200,000 bytes = 600,000,000 / 2^30 = 0.55879354… GB × 0.50 = 0.27939677 USD.
        Assert.Equal(0.27939677, (double)Cost(cost, CloudService.CloudWatchLogs, CostItem.Ingestion), 8);
        // EventBridge Scheduler: 3,000 invocations, all within the free 14 million.
        Assert.Equal(0m, cost.ByService.Single(s => s.Service == CloudService.EventBridge).CostUsd);
        // Total: 1.10 + 3.35834005 + 0.000036 + 0.3104 + 0.27939677 = 5.04817282.
        Assert.Equal(5.04817282, (double)cost.TotalUsd, 8);
    }

    [Fact]
    public void The_sensitivity_table_prices_again_at_each_volume_with_the_free_tiers_taken_off_each_time()
    {
        var costs = Model.Sensitivity(new WorkflowSpecReader().Read(Shipped));

        Assert.Equal([300.0, 3000, 30_000, 300_000], costs.Select(c => c.ExecutionsPerMonth));
        // ×0.1: 4,800 transitions, 4,000 free: 800 × 0.025 / 1,000 = 0.02; Lambda's 60,150 GB-s are all free.
        Assert.Equal(0.02m, costs[0].ByService.Single(s => s.Service == CloudService.StepFunctions).CostUsd);
        Assert.Equal(0m, costs[0].ByService.Single(s => s.Service == CloudService.Lambda).CostUsd);
        // ×100: 4,800,000 transitions − 4,000 = 4,796,000 × 0.025 / 1,000 = 119.90; Lambda 60,150,000 GB-s − 400,000
        // = 59,750,000 × 0.0000166667 = 995.835325, plus 4,500,000 − 1,000,000 requests × 0.20 / 1e6 = 0.70.
        Assert.Equal(119.90m, costs[3].ByService.Single(s => s.Service == CloudService.StepFunctions).CostUsd);
        Assert.Equal(996.535325m, costs[3].ByService.Single(s => s.Service == CloudService.Lambda).CostUsd);
    }

    [Fact]
    public void Express_workflows_round_duration_and_memory_up_and_cheaper_tiers_become_a_discount_line()
    {
        var spec = new WorkflowSpecReader().Read(Write("""
            name: express
            executions_per_day: 1000000
            days_per_month: 1
            state_machines:
              - { name: quick, type: express, duration_ms: 1234, memory_mb: 100, states: [ { name: Pass } ] }
            """));
        var cost = Model.Price(spec);

        // 1,234 ms bills as 1,300; 100 MB as 128: 1.3 s × 0.125 GB = 0.1625 GB-s an execution.
        Assert.Equal(0.1625m, Model.ExpressGbSecondsPerExecution(spec.StateMachines[0]));
        // 1,000,000 executions: 1.00 USD of requests; 162,500 GB-s (45.1 GB-hours, first tier) × 0.00001667 = 2.7088750.
        Assert.Equal(1.00m, Cost(cost, CloudService.StepFunctions, CostItem.Requests, "quick"));
        Assert.Equal(2.708875m, Cost(cost, CloudService.StepFunctions, CostItem.Duration, "quick"));
        Assert.DoesNotContain(cost.Lines, l => l.Item == CostItem.TierDiscount);

        // ×1,000: 162,500,000 GB-s. Tiers: 1,000 GB-h = 3,600,000 GB-s × 0.00001667 = 60.012; 4,000 GB-h = 14,400,000 ×
        // 0.00000833 = 119.952; the other 144,500,000 × 0.00000456 = 658.92; 838.884 in all, against 2,708.875 at the
        // first tier's price: a discount of 1,869.991.
        var large = Model.Price(spec, 1000);
        Assert.Equal(-1869.991m, Cost(large, CloudService.StepFunctions, CostItem.TierDiscount));
        Assert.Equal(1000m + 838.884m, large.TotalUsd);
    }

    [Fact]
    public void Map_states_multiply_their_inner_states_and_retries_count_as_transitions_and_invocations()
    {
        var spec = new WorkflowSpecReader().Read(Write("""
            name: nested
            executions_per_day: 1
            state_machines:
              - name: m
                states:
                  - { name: A, function: f, retries: 0.5 }
                  - name: Fan
                    map:
                      items: 3
                      states:
                        - { name: B }
                        - { name: C, function: g, retries: 1 }
            functions:
              - { name: f, memory_mb: 128, duration_ms: 100 }
              - { name: g, memory_mb: 1024, duration_ms: 1000, architecture: arm64, extra_invocations_per_execution: 2 }
            """));

        // A: 1 + 0.5 retries; Fan: 1; per item B 1 and C 1 + 1 retry: 1.5 + 1 + 3 × 3 = 11.5.
        Assert.Equal(11.5, spec.StateMachines[0].TransitionsPerExecution);
        // f: 1.5 invocations (its retries too); g: 3 items × 2 + 2 extra = 8.
        var invocations = WorkflowCostModel.LambdaInvocationsPerExecution(spec);
        Assert.Equal((1.5, 8.0), (invocations["f"], invocations["g"]));
        // 30 days: g runs 240 times × 1 s × 1 GB = 240 GB-s, at the arm64 price.
        var cost = Model.Price(spec);
        Assert.Equal((240m, "lambda.compute.arm64"), cost.Lines.Where(l => l.Subject == "g").Select(l => (l.Quantity, l.PriceKey)).Single());
    }

    [Fact]
    public void A_measured_duration_is_the_mean_billed_duration_of_the_configurations_successful_invocations()
    {
        var csv = Path.Combine(RepositoryPaths.Root(), "data", "sample", "invocations.csv");
        var spec = new WorkflowSpecReader().Read(Write($$"""
            name: measured
            executions_per_day: 10
            functions:
              - { name: step, memory_mb: 512, measured: { invocations: "{{csv}}", configuration: order-processor-lambda } }
            """));

        // The sample's ten Billed Durations: 3064, 3065, 3063, 3069, 3062, 3004, 3002, 3004, 3004, 3004; mean 3034.1 ms.
        Assert.Equal(3034.1, spec.Functions[0].DurationMs, 9);
        Assert.Contains("10 successful invocations of order-processor-lambda", spec.Functions[0].DurationSource);
    }

    [Fact]
    public void Every_error_is_reported_at_once_with_its_line_and_field()
    {
        var path = Write("""
            name: broken
            executions_per_day: -1
            state_machines:
              - name: m
                type: Express
                states: [ { name: A, function: missing } ]
            functions:
              - { name: f, memory_mb: 64, duration_ms: 10 }
              - { name: h, memory_mb: 128 }
            colour: blue
            """);

        var errors = Assert.Throws<SpecException>(() => new WorkflowSpecReader().Read(path)).Errors.Select(e => e.ToString()).ToList();

        Assert.Contains(errors, e => e.StartsWith($"{path}:2: executions_per_day: ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(":5: state_machines[0].type: 'Express' is not one of standard, express (names are lower case", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(":8: functions[0].memory_mb: 64 is outside 128 to 10240", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(":9: functions[1]: needs duration_ms (assumed) or measured", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(":10: colour: unknown field", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("m invokes 'missing', which is not under functions", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("      - { name: A, function: f, map: { items: 2, states: [ { name: B } ] } }", "state_machines[0].states[0]: a state invokes a function or maps over items, not both")]
    [InlineData("      - { name: A, map: { items: 2 } }", "state_machines[0].states[0].map.states: required: at least one state")]
    [InlineData("      - { name: A }\n    memory_mb: 128", "state_machines[0].memory_mb: only express workflows are priced by duration and memory")]
    [InlineData("      - { name: A }\nlogs: 200000", "logs: must be a mapping")]
    [InlineData("      - { name: A }\nevents: 1", "events: must be a mapping")]
    public void What_would_be_priced_wrongly_or_ignored_is_refused_with_its_line(string states, string expected)
    {
        var path = Write("name: refused\nexecutions_per_day: 1\nstate_machines:\n  - name: m\n    states:\n" + states + "\nfunctions:\n  - { name: f, memory_mb: 128, duration_ms: 10 }\n");

        var errors = Assert.Throws<SpecException>(() => new WorkflowSpecReader().Read(path)).Errors.Select(e => e.ToString()).ToList();

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_state_machine_without_states_and_a_duration_measured_at_another_memory_size_are_refused()
    {
        var csv = Path.Combine(RepositoryPaths.Root(), "data", "sample", "invocations.csv");
        var path = Write($$"""
            name: refused
            executions_per_day: 1
            state_machines:
              - { name: empty, states: [] }
            functions:
              - { name: step, memory_mb: 1024, measured: { invocations: "{{csv}}", configuration: order-processor-lambda } }
              - { name: other, memory_mb: 512, duration_ms: 10, measured: "{{csv}}" }
            """);

        var errors = Assert.Throws<SpecException>(() => new WorkflowSpecReader().Read(path)).Errors.Select(e => e.ToString()).ToList();

        Assert.Contains(errors, e => e.Contains(":4: state_machines[0].states: required: at least one state", StringComparison.Ordinal));
        // The sample ran at 512 MB on x86_64: its durations are not those of a 1,024 MB function.
        Assert.Contains(errors, e => e.Contains("functions[0].measured.configuration: order-processor-lambda ran at 512 MB on x86_64; the function is 1024 MB on x86_64", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("functions[1].measured: must be a mapping", StringComparison.Ordinal));
    }
}
