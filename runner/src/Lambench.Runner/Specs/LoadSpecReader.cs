using Lambench.Core.Specs;
using Lambench.Core.Vocabulary;
using Lambench.Load.Arrivals;
using Lambench.Load.Generation;
using YamlDotNet.RepresentationModel;

namespace Lambench.Runner.Specs;

/// <summary>
/// Reads a spec's <c>load</c>: <c>open</c>, a list of segments ({ shape: constant|poisson, rate_per_s, duration_s },
/// { shape: burst, requests, duration_s }, { shape: steps, rates_per_s: [...], step_s }), or <c>closed</c>
/// ({ users, think_ms, duration_s }, or a ramp { users: [5, 20], think_ms: [100, 500], step_s: 30 or [30, 60] }); <c>max_outstanding</c> and <c>seed</c> beside them.
/// </summary>
internal sealed class LoadSpecReader(SpecNodes nodes)
{
    private static readonly string[] Fields = ["open", "closed", "max_outstanding", "seed"];
    private static readonly string[] Shapes = [.. Vocabulary<ArrivalShape>.Names, "steps"];

    public LoadSpec? Read(YamlMappingNode root)
    {
        if (SpecNodes.Child(root, "load") is not { } given)
        {
            return null;
        }

        if (given is not YamlMappingNode node)
        {
            nodes.Error(given, "load", "a mapping: open (a list of segments) or closed (users), and max_outstanding");
            return null;
        }

        nodes.Unknown(node, "load.", Fields);
        var open = SpecNodes.Child(node, "open");
        var closed = SpecNodes.Child(node, "closed");
        if ((open is null) == (closed is null))
        {
            nodes.Error(node, "load", "give either open (arrivals on a schedule) or closed (virtual users), one of them");
            return null;
        }

        return new LoadSpec
        {
            Open = open is null ? null : Segments(open),
            Closed = closed is null ? null : Users(closed),
            MaxOutstanding = nodes.Integer(node, "max_outstanding", "load.max_outstanding", 1, 100_000) ?? new LoadSpec().MaxOutstanding,
            Seed = nodes.Integer(node, "seed", "load.seed", 0, int.MaxValue),
        };
    }

    private List<LoadSegment> Segments(YamlNode open)
    {
        if (open is not YamlSequenceNode { Children.Count: > 0 } list)
        {
            nodes.Error(open, "load.open", "a list of segments such as { shape: constant, rate_per_s: 5, duration_s: 60 }");
            return [];
        }

        var segments = new List<LoadSegment>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var field = $"load.open[{i}]";
            if (list.Children[i] is not YamlMappingNode segment)
            {
                nodes.Error(list.Children[i], field, "a segment is a mapping such as { shape: poisson, rate_per_s: 20, duration_s: 30 }");
                continue;
            }

            segments.AddRange(Segment(segment, field));
        }

        return segments;
    }

    private IEnumerable<LoadSegment> Segment(YamlMappingNode segment, string field)
    {
        var shape = nodes.Choice(segment, "shape", Shapes, required: true, prefix: field + ".");
        nodes.Unknown(segment, field + ".", shape switch
        {
            "burst" => ["shape", "requests", "duration_s"],
            "steps" => ["shape", "rates_per_s", "step_s"],
            _ => ["shape", "rate_per_s", "duration_s"],
        });
        if (shape == "steps")
        {
            var step = nodes.Number(segment, "step_s", field + ".step_s", 0.001, 86_400, required: true);
            var rates = new List<double>();
            if (SpecNodes.Child(segment, "rates_per_s") is not YamlSequenceNode { Children.Count: > 0 } list)
            {
                nodes.Error(SpecNodes.Child(segment, "rates_per_s") ?? segment, field + ".rates_per_s", "required: the rates of the steps in order, such as [1, 2, 5, 2, 1]");
            }
            else
            {
                // Each step's rate, within the bounds of a segment's rate_per_s; a rate may come back (a ramp up and down).
                rates.AddRange(list.Children.Select(item => nodes.Number(item, field + ".rates_per_s", 0.001, 100_000)).OfType<double>());
            }

            return step is null ? [] : rates.Select(r => new LoadSegment(ArrivalShape.Constant, TimeSpan.FromSeconds(step.Value), RatePerSecond: r)).ToList();
        }

        var duration = nodes.Number(segment, "duration_s", field + ".duration_s", 0.001, 86_400, required: true);
        if (shape is null || duration is null)
        {
            return [];
        }

        var kind = Vocabulary<ArrivalShape>.Parse(shape);
        if (kind == ArrivalShape.Burst)
        {
            return nodes.Integer(segment, "requests", field + ".requests", 1, 100_000, required: true) is { } requests
                ? [new LoadSegment(kind, TimeSpan.FromSeconds(duration.Value), Requests: requests)]
                : [];
        }

        return nodes.Number(segment, "rate_per_s", field + ".rate_per_s", 0.001, 100_000, required: true) is { } rate
            ? [new LoadSegment(kind, TimeSpan.FromSeconds(duration.Value), RatePerSecond: rate)]
            : [];
    }

    private ClosedLoadSpec? Users(YamlNode closed)
    {
        if (closed is not YamlMappingNode node)
        {
            nodes.Error(closed, "load.closed", "a mapping such as { users: 20, think_ms: 0, duration_s: 120 }");
            return null;
        }

        var ramp = SpecNodes.Child(node, "users") is YamlSequenceNode;
        nodes.Unknown(node, "load.closed.", ["users", "think_ms", ramp ? "step_s" : "duration_s"]);
        var users = ramp
            ? WholeNumbers(node, "users", "load.closed.users", 1, 10_000)
            : nodes.Integer(node, "users", "load.closed.users", 1, 10_000, required: true) is { } one ? [one] : null;
        var think = SpecNodes.Child(node, "think_ms") is YamlSequenceNode
            ? WholeNumbers(node, "think_ms", "load.closed.think_ms", 0, 3_600_000) is { Count: 2 } bounds && bounds[0] <= bounds[1] ? bounds : Fail(node, "load.closed.think_ms", "a time in ms, or [least, most] to draw each think time between")
            : nodes.Integer(node, "think_ms", "load.closed.think_ms", 0, 3_600_000, required: true) is { } fixedThink ? [fixedThink, fixedThink] : null;
        var durations = ramp ? StepSeconds(node, users?.Count) : nodes.Number(node, "duration_s", "load.closed.duration_s", 0.001, 86_400, required: true) is { } duration ? [duration] : null;
        return users is null || think is null || durations is null
            ? null
            : new ClosedLoadSpec(users.Zip(durations, (u, d) => new UserLevel(u, TimeSpan.FromSeconds(d))).ToList(), TimeSpan.FromMilliseconds(think[0]), TimeSpan.FromMilliseconds(think[1]));
    }

    /// <summary>step_s of a ramp of <paramref name="levels"/> levels: one duration for all, or one per level.</summary>
    private List<double>? StepSeconds(YamlMappingNode node, int? levels)
    {
        if (SpecNodes.Child(node, "step_s") is not YamlSequenceNode)
        {
            return nodes.Number(node, "step_s", "load.closed.step_s", 0.001, 86_400, required: true) is { } each && levels is { } count ? Enumerable.Repeat(each, count).ToList() : null;
        }

        var seconds = WholeNumbers(node, "step_s", "load.closed.step_s", 1, 86_400);
        if (seconds is null || levels is null)
        {
            return null;
        }

        if (seconds.Count != levels)
        {
            nodes.Error(node, "load.closed.step_s", $"{seconds.Count} durations for {levels} levels of users: give one for all, or one per level");
            return null;
        }

        return seconds.Select(s => (double)s).ToList();
    }

    private List<int>? Fail(YamlNode node, string field, string message)
    {
        nodes.Error(node, field, message);
        return null;
    }

    /// <summary>A list of whole numbers within [min, max]; null (with the errors) when any is not.</summary>
    private List<int>? WholeNumbers(YamlMappingNode node, string key, string field, int min, int max)
    {
        var values = new List<int>();
        var list = (YamlSequenceNode)SpecNodes.Child(node, key)!;
        foreach (var item in list.Children)
        {
            if (item is YamlScalarNode { Value: { } text } && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                values.Add(value);
            }
            else
            {
                nodes.Error(item, field, $"'{SpecNodes.Shown((item as YamlScalarNode)?.Value)}' is not a whole number from {min} to {max}");
            }
        }

        return values.Count == list.Children.Count && values.Count > 0 ? values : null;
    }
}
