namespace Lambench.Core.Ingest;

/// <summary>What the user says about the logs that the logs themselves do not say. Null: take it from the logs or leave it empty.</summary>
public sealed record IngestOptions
{
    /// <summary>Without it, the configuration is the log group (Insights exports) or the file name.</summary>
    public string? Configuration { get; init; }
    public string? FunctionName { get; init; }
    public string? Runtime { get; init; }
    public string? Architecture { get; init; }

    /// <summary>Where the logs were produced: CloudWatch logs or the local platform. Never guessed from the numbers.</summary>
    public Vocabulary.Platform Platform { get; init; } = Vocabulary.Platform.Aws;

    /// <summary>
    /// When the INIT phase is billed, for checking each line's Billed Duration (<see cref="Parsing.ReportLineRules"/>).
    /// Null: the rule of the price files shipped beside the binaries, or where they cannot be read, only the checks
    /// that need no rule.
    /// </summary>
    public Cost.InitBillingRule? InitBilling { get; init; }

    /// <summary>A REPORT line that cannot be read stops the ingest (an error naming file and line) instead of being rejected and counted.</summary>
    public bool Strict { get; init; }

    /// <summary>The rule of the price files shipped beside the binaries, read once; null where they cannot be read (a library used without them).</summary>
    internal static readonly Lazy<Cost.InitBillingRule?> ShippedInitBilling = new(() =>
    {
        try
        {
            return Cost.PriceCatalogLoader.Load().Lambda.InitBilling;
        }
        catch (Exception e) when (e is Cost.PriceCatalogException or IOException)
        {
            return null;
        }
    });
}
