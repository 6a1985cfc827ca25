namespace Lambench.Analysis.Load;

/// <summary>One sample of a load's queue (loads/&lt;batch id&gt;.queue.csv): seconds from the load's start, messages waiting and in flight.</summary>
public sealed record QueueDepthSample(double ElapsedS, long Visible, long InFlight);
