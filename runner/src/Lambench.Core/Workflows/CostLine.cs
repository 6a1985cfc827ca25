namespace Lambench.Core.Workflows;

/// <summary>
/// One line of an architecture's monthly cost, checkable by hand: <see cref="Quantity"/> (in <see cref="Unit"/>) times
/// <see cref="UnitPriceUsd"/> per <see cref="PricePer"/> units is <see cref="CostUsd"/>. A free tier is a negative quantity.
/// </summary>
/// <param name="Subject">the function, state machine, queue, bucket or table the line is about; null for the service as a whole.</param>
/// <param name="PriceKey">the price file's key of the figure used (step_functions.standard), for its source and whether it is confirmed.</param>
public sealed record CostLine(CloudService Service, CostItem Item, string? Subject, decimal Quantity, CostUnit Unit, decimal UnitPriceUsd, decimal PricePer, decimal CostUsd, string PriceKey);
