using System.CommandLine;
using Lambench.Core.Summary;

namespace Lambench.Cli.Commands.Report;

/// <summary>--cold-share: the share of cold starts of a production mix, as a fraction (0.05) or a percentage (5%).</summary>
public static class ColdShareOption
{
    public static Option<double?> Create() => new("--cold-share")
    {
        Description = "Add a mix row per configuration: the latency (Duration warm, Duration + Init cold) and cost at this share of cold starts, "
            + "as in production (0.05 or 5%). Without it, warm and cold are reported apart and monthly costs assume warm invocations; "
            + "the share the protocol forced is never used.",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (DeclaredColdShare.TryParse(text, out var share))
            {
                return share;
            }

            result.AddError(DeclaredColdShare.Error("--cold-share", text));
            return null;
        },
    };
}
