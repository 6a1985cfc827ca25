using Lambench.Core.Cost;
using Lambench.Core.Records;

namespace Lambench.Core.Workflows;

/// <summary>
/// Prices an architecture for a month: Step Functions (standard by transition, express by request and GB-second),
/// Lambda (GB-seconds per architecture and requests), SQS, S3, DynamoDB, CloudWatch Logs and EventBridge. Each free
/// tier the price file holds is taken off once for the whole architecture (Lambda's shared by its architectures in
/// proportion to their GB-seconds), never per function or per state machine.
/// </summary>
public sealed class WorkflowCostModel(PriceCatalog prices)
{
    /// <summary>The volumes of the sensitivity table: a tenth of the described executions up to a hundred times as many.</summary>
    public static readonly IReadOnlyList<double> SensitivityMultipliers = [0.1, 1, 10, 100];

    /// <exception cref="PriceCatalogException">the price file lacks a figure the architecture needs.</exception>
    public WorkflowCost Price(WorkflowSpec spec, double multiplier = 1)
    {
        var executions = (decimal)(spec.ExecutionsPerMonth * multiplier);
        var lines = new List<CostLine>();
        lines.AddRange(StepFunctions(spec, executions));
        lines.AddRange(Lambda(spec, executions));
        lines.AddRange(new WorkflowServiceLines(prices).Lines(spec, executions, (decimal)multiplier));
        return new WorkflowCost(spec, multiplier, (double)executions, lines, prices.Origin, prices.PricedRegion);
    }

    public IReadOnlyList<WorkflowCost> Sensitivity(WorkflowSpec spec) => SensitivityMultipliers.Select(m => Price(spec, m)).ToList();

    private IEnumerable<CostLine> StepFunctions(WorkflowSpec spec, decimal executions)
    {
        var standard = prices.StepFunctions.Standard;
        var transitions = 0m;
        foreach (var machine in spec.StateMachines.Where(m => m.Type == StateMachineType.Standard))
        {
            Require(standard.UsdPerThousandTransitions, "step_functions.standard.usd_per_thousand_transitions");
            var count = executions * (decimal)machine.TransitionsPerExecution;
            transitions += count;
            yield return Line(CloudService.StepFunctions, CostItem.Transitions, machine.Name, count, CostUnit.Transitions, standard.UsdPerThousandTransitions, 1000, "step_functions.standard");
        }

        if (transitions > 0 && Math.Min(standard.FreeTransitionsPerMonth, transitions) is var free and > 0)
        {
            yield return Line(CloudService.StepFunctions, CostItem.FreeTier, null, -free, CostUnit.Transitions, standard.UsdPerThousandTransitions, 1000, "step_functions.standard");
        }

        var express = prices.StepFunctions.Express;
        var expressGbSeconds = 0m;
        foreach (var machine in spec.StateMachines.Where(m => m.Type == StateMachineType.Express))
        {
            Require(express.UsdPerMillionRequests, "step_functions.express.usd_per_million_requests");
            Require(express.Tiers.Count, "step_functions.express.tiers");
            yield return Line(CloudService.StepFunctions, CostItem.Requests, machine.Name, executions, CostUnit.Requests, express.UsdPerMillionRequests, 1_000_000, "step_functions.express");
            var gbSeconds = executions * ExpressGbSecondsPerExecution(machine);
            expressGbSeconds += gbSeconds;
            yield return Line(CloudService.StepFunctions, CostItem.Duration, machine.Name, gbSeconds, CostUnit.GbSeconds, express.Tiers[0].UsdPerGbSecond, 1, "step_functions.express");
        }

        if (expressGbSeconds > 0 && TierDiscount(express.Tiers.Select(t => (t.UpToGbHours * 3600, t.UsdPerGbSecond)).ToList(), expressGbSeconds) is var discount and not 0)
        {
            yield return Line(CloudService.StepFunctions, CostItem.TierDiscount, null, 1, CostUnit.Usd, discount, 1, "step_functions.express");
        }
    }

    /// <summary>One express execution's billed GB-seconds: its duration rounded up to the increment, its memory up to whole chunks.</summary>
    public decimal ExpressGbSecondsPerExecution(WorkflowStateMachine machine)
    {
        var express = prices.StepFunctions.Express;
        var increment = (decimal)Math.Max(1, express.DurationIncrementMs);
        var chunk = Math.Max(1, express.MemoryChunkMb);
        var billedMs = Math.Ceiling((decimal)machine.DurationMs!.Value / increment) * increment;
        var billedMb = (decimal)((machine.MemoryMb!.Value + chunk - 1) / chunk * chunk);
        return billedMs / 1000m * billedMb / 1024m;
    }

    private IEnumerable<CostLine> Lambda(WorkflowSpec spec, decimal executions)
    {
        var perExecution = LambdaInvocationsPerExecution(spec);
        var used = spec.Functions.Where(f => perExecution.GetValueOrDefault(f.Name) > 0).ToList();
        if (used.Count == 0)
        {
            yield break;
        }

        var gbSecondsByArchitecture = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var invocations = 0m;
        foreach (var function in used)
        {
            var count = executions * (decimal)perExecution[function.Name];
            invocations += count;
            // The duration is a mean of Billed Durations (measured) or stands for one (assumed): not rounded again.
            var gbSeconds = count * LambdaCostModel.GbSeconds(function.MemoryMb, (decimal)function.DurationMs);
            gbSecondsByArchitecture[function.Architecture] = gbSecondsByArchitecture.GetValueOrDefault(function.Architecture) + gbSeconds;
            yield return Line(CloudService.Lambda, CostItem.Compute, function.Name, gbSeconds, CostUnit.GbSeconds, FirstTier(function.Architecture), 1, $"lambda.compute.{function.Architecture}");
        }

        yield return Line(CloudService.Lambda, CostItem.Requests, null, invocations, CostUnit.Requests, prices.Lambda.Requests.UsdPerMillion, 1_000_000, "lambda.requests");
        var free = prices.Lambda.FreeTier;
        var freeRequests = Math.Min(free.RequestsPerMonth, invocations);
        if (freeRequests > 0)
        {
            yield return Line(CloudService.Lambda, CostItem.FreeTier, "requests", -freeRequests, CostUnit.Requests, prices.Lambda.Requests.UsdPerMillion, 1_000_000, "lambda.requests");
        }

        var total = gbSecondsByArchitecture.Values.Sum();
        var freeGbSeconds = Math.Min(free.GbSecondsPerMonth, total);
        foreach (var (architecture, gbSeconds) in gbSecondsByArchitecture.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var share = total == 0 ? 0 : freeGbSeconds * gbSeconds / total;
            if (share > 0)
            {
                yield return Line(CloudService.Lambda, CostItem.FreeTier, architecture, -share, CostUnit.GbSeconds, FirstTier(architecture), 1, $"lambda.compute.{architecture}");
            }

            var tiers = prices.Lambda.Compute[architecture].Tiers.Select(t => (t.UpToGbSeconds, t.UsdPerGbSecond)).ToList();
            if (TierDiscount(tiers, gbSeconds - share) is var discount and not 0)
            {
                yield return Line(CloudService.Lambda, CostItem.TierDiscount, architecture, 1, CostUnit.Usd, discount, 1, $"lambda.compute.{architecture}");
            }
        }
    }

    /// <summary>Invocations of each function per execution: through the state machines' states, plus any extra the description gives.</summary>
    public static IReadOnlyDictionary<string, double> LambdaInvocationsPerExecution(WorkflowSpec spec)
    {
        var counts = spec.Functions.ToDictionary(f => f.Name, f => f.ExtraInvocationsPerExecution, StringComparer.Ordinal);
        foreach (var (function, count) in spec.StateMachines.SelectMany(m => m.InvocationsPerExecution()))
        {
            counts[function] = counts.GetValueOrDefault(function) + count;
        }

        return counts;
    }

    private decimal FirstTier(string architecture) =>
        prices.Lambda.Compute.TryGetValue(Architectures.Normalise(architecture), out var compute) && compute.Tiers.Count > 0
            ? compute.Tiers[0].UsdPerGbSecond
            : throw new PriceCatalogException($"{prices.Origin}: no lambda.compute prices for architecture '{architecture}'");

    /// <summary>What the later, cheaper tiers take off <paramref name="usage"/> priced wholly at the first tier (zero or negative).</summary>
    internal static decimal TierDiscount(IReadOnlyList<(decimal? UpTo, decimal UsdPerUnit)> tiers, decimal usage) =>
        usage <= 0 ? 0 : TieredPrice.Cost(tiers, usage) - usage * tiers[0].UsdPerUnit;

    internal static CostLine Line(CloudService service, CostItem item, string? subject, decimal quantity, CostUnit unit, decimal unitPrice, decimal per, string key) =>
        new(service, item, subject, quantity, unit, unitPrice, per, quantity * unitPrice / per, key);

    private void Require(decimal figure, string key) => Require(prices, figure, key);

    /// <summary>A figure a price file may leave out (0) that this architecture needs.</summary>
    internal static void Require(PriceCatalog prices, decimal figure, string key)
    {
        if (figure <= 0)
        {
            throw new PriceCatalogException($"{prices.Origin}: {key} is needed to price this architecture; add it to the price file (data/prices/{prices.Region}.yaml) or pass --prices");
        }
    }
}
