using Lambench.Load.Recording;

namespace Lambench.Load.Generation;

/// <summary>Sends request <c>sequence</c> of a load and returns how it ended; an exception counts as an error.</summary>
public delegate Task<LoadResponse> LoadTarget(long sequence, CancellationToken cancellation);
