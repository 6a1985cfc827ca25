namespace Lambench.Core.Statistics;

/// <summary>One round's part of a sample: its size, median (linear interpolation) and mean.</summary>
public sealed record RoundSample(int Round, int N, double Median, double Mean);
