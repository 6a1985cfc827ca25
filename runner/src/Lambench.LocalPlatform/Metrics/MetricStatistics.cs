namespace Lambench.LocalPlatform.Metrics;

/// <summary>A CloudWatch statistic set (SampleCount, Sum, Minimum, Maximum; Average derived), with its unit. Thread-safe.</summary>
public sealed class MetricStatistics(string unit)
{
    private readonly object gate = new();

    public string Unit { get; } = unit;

    public long SampleCount { get; private set; }

    public double Sum { get; private set; }

    public double Minimum { get; private set; } = double.PositiveInfinity;

    public double Maximum { get; private set; } = double.NegativeInfinity;

    /// <summary>Sum / SampleCount; a set only exists once it holds a value, so the count is never 0 where it is read.</summary>
    public double Average => Sum / SampleCount;

    public void Add(double value)
    {
        lock (gate)
        {
            SampleCount++;
            Sum += value;
            Minimum = Math.Min(Minimum, value);
            Maximum = Math.Max(Maximum, value);
        }
    }

    /// <summary>One set for a period from its minutes' sets.</summary>
    public static MetricStatistics Merge(IEnumerable<MetricStatistics> parts)
    {
        MetricStatistics? merged = null;
        foreach (var part in parts)
        {
            lock (part.gate)
            {
                merged ??= new MetricStatistics(part.Unit);
                merged.SampleCount += part.SampleCount;
                merged.Sum += part.Sum;
                merged.Minimum = Math.Min(merged.Minimum, part.Minimum);
                merged.Maximum = Math.Max(merged.Maximum, part.Maximum);
            }
        }

        return merged ?? throw new ArgumentException("a period holds at least one minute's set", nameof(parts));
    }

    /// <summary>The value of a statistic by CloudWatch's name (SampleCount, Sum, Average, Minimum, Maximum); null for another name.</summary>
    public double? Value(string statistic) => statistic switch
    {
        "SampleCount" => SampleCount,
        "Sum" => Sum,
        "Average" => Average,
        "Minimum" => Minimum,
        "Maximum" => Maximum,
        _ => null,
    };
}
