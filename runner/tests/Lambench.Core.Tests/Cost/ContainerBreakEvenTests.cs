using Lambench.Core.Cost;

namespace Lambench.Core.Tests.Cost;

/// <summary>
/// Lambda against Fargate, against hand computations with the shipped us-east-1 prices (Fargate x86_64 0.04048 USD per
/// vCPU-hour and 0.004445 per GB-hour; Lambda x86_64 0.0000166667 per GB-s and 0.20 per million requests), for the
/// published load test's payment step: a 3-second step, Lambda at 512 MB against a task of 256 CPU units and 512 MB.
/// </summary>
public sealed class ContainerBreakEvenTests
{
    private static readonly PriceCatalog Prices = PriceCatalogLoader.Load();

    [Fact]
    public void The_payment_step_breaks_even_where_lambda_reaches_one_tasks_month()
    {
        var model = new ContainerBreakEven(Prices, new FargateTaskSizing(), withFreeTier: false);

        // A task: (0.25 × 0.04048 + 0.5 × 0.004445) × 730 h = 0.0123425 × 730 = 9.010025 USD a month.
        Assert.Equal(9.010025m, model.TaskUsdPerMonth("x86_64"));
        // One request at a time, 3 s each: 730 × 3,600 / 3 = 876,000 requests a task a month.
        Assert.Equal(876_000m, model.RequestsPerTask(3000));
        // Lambda: 3 s × 0.5 GB = 1.5 GB-s × 0.0000166667 + 0.0000002 = 0.00002520005 USD a request; one task's 876,000
        // would cost 22.08 USD, so the crossing is within the first task: 9.010025 / 0.00002520005 = 357,539.97 (divisions
        // here and below done with Python's decimal module at 40 digits), so
        // the smallest whole volume is 357,540 requests a month.
        var point = model.Find("payment", "x86_64", 512, 3000, 3000);
        Assert.Equal((357_540m, 1, 9.010025m), (point.RequestsPerMonth, point.Tasks, point.CostUsdPerMonth));
        Assert.True(model.LambdaUsd(357_539, "x86_64", 512, 3000) < 9.010025m);
        Assert.Equal(25.20005m, point.LambdaUsdPerMillion);
    }

    [Fact]
    public void Kept_tasks_and_a_load_balancer_move_the_crossing_and_the_free_tier_moves_it_further()
    {
        var sized = new FargateTaskSizing { MinimumTasks = 2, LoadBalancerUsdPerMonth = 16.43m, ConcurrencyPerTask = 10 };
        var point = new ContainerBreakEven(Prices, sized, withFreeTier: false).Find("payment", "x86_64", 512, 3000, 3000);

        // 2 × 9.010025 + 16.43 = 34.45005 USD; / 0.00002520005 = 1,367,062.76 → 1,367,063 (two tasks serve 17,520,000).
        Assert.Equal((1_367_063m, 2), (point.RequestsPerMonth, point.Tasks));

        // With the free tier: Lambda(V) = (1.5 V − 400,000) × 0.0000166667 + (V − 1,000,000) × 0.0000002 for V past both
        // allowances; = 34.45005 at V = (34.45005 + 6.66668 + 0.2) / 0.00002520005 = 1,639,549.52 → 1,639,550.
        var free = new ContainerBreakEven(Prices, sized, withFreeTier: true).Find("payment", "x86_64", 512, 3000, 3000);
        Assert.Equal(1_639_550m, free.RequestsPerMonth);
    }

    [Fact]
    public void Lambda_stays_cheaper_when_each_task_costs_more_than_the_invocations_it_would_replace()
    {
        // 128 MB: 3 s × 0.125 GB × 0.0000166667 + 0.0000002 = 0.0000064500 USD a request; a task's 876,000 requests cost
        // 5.65 USD on Lambda against 9.01 for the task, and every further task the same: no volume breaks even.
        var point = new ContainerBreakEven(Prices, new FargateTaskSizing(), withFreeTier: false).Find("idle-wait", "x86_64", 128, 3000, 3000);
        Assert.Null(point.RequestsPerMonth);
        Assert.Null(point.Tasks);
    }

    [Fact]
    public void Arm64_tasks_use_arm64_prices_and_a_missing_price_is_an_error_naming_it()
    {
        // (0.25 × 0.03238 + 0.5 × 0.00356) × 730 = 0.009875 × 730 = 7.20875 USD.
        Assert.Equal(7.20875m, new ContainerBreakEven(Prices, new FargateTaskSizing()).TaskUsdPerMonth("arm64"));
        var error = Assert.Throws<PriceCatalogException>(() => new ContainerBreakEven(Prices, new FargateTaskSizing { Architecture = "s390x" }).TaskUsdPerMonth("x86_64"));
        Assert.Contains("no fargate.compute prices for s390x", error.Message);
    }

    [Fact]
    public void With_the_free_tier_and_kept_tasks_lambda_still_stays_cheaper_where_each_task_costs_more_than_its_invocations()
    {
        // As above at 128 MB: 5.65 USD of invocations a task's worth against 9.01 for the task; the free tier only
        // lowers Lambda's side, and two kept tasks with a balancer raise Fargate's.
        var sizing = new FargateTaskSizing { MinimumTasks = 2, LoadBalancerUsdPerMonth = 16.43m };
        Assert.Null(new ContainerBreakEven(Prices, sizing, withFreeTier: true).Find("idle-wait", "x86_64", 128, 3000, 3000).RequestsPerMonth);
    }

    [Theory]
    [InlineData(0, 1.0, "at least 1 task runs")]
    [InlineData(1, 0.0, "the target utilization is a share above 0 and at most 1")]
    public void A_sizing_the_search_cannot_use_is_refused_saying_why(int minimumTasks, double utilization, string expected)
    {
        // With no task kept the first step is empty and the search would stop at once; with no capacity used it would never stop.
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ContainerBreakEven(Prices, new FargateTaskSizing { MinimumTasks = minimumTasks, TargetUtilization = (decimal)utilization }));
        Assert.Contains(expected, error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContainerBreakEven(Prices, new FargateTaskSizing()).Find("zero", "x86_64", 512, 3000, 0));
    }
}
