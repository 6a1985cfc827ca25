using System.CommandLine;
using Lambench.Core.Summary;

namespace Lambench.Cli.Commands.Report;

/// <summary>--monthly-invocations: a whole, non-negative volume, as digits (5000000) or in exponent notation (5e6).</summary>
public static class MonthlyInvocationsOption
{
    public static Option<long> Create() => new("--monthly-invocations")
    {
        Description = "Volume for the monthly cost projection: digits (5000000) or exponent notation (5e6); no thousands separators.",
        DefaultValueFactory = _ => ConfigurationSummarizer.DefaultMonthlyInvocations,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (MonthlyVolume.TryParse(text, out var volume))
            {
                return volume;
            }

            result.AddError(MonthlyVolume.Error("--monthly-invocations", text));
            return 0;
        },
    };
}
