using System.CommandLine;
using System.Globalization;
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
            var text = result.Tokens.Single().Value.Trim();
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
            {
                return whole;
            }

            // 5e6: a float in exponent notation that is a whole number within range.
            if (text.Contains('e', StringComparison.OrdinalIgnoreCase) && !text.Contains(',')
                && double.TryParse(text, NumberStyles.AllowExponent | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                && value >= 0 && value <= 1e15 && value == Math.Floor(value))
            {
                return (long)value;
            }

            result.AddError($"--monthly-invocations: '{text}' is not a whole number of invocations from 0 (write 5000000 or 5e6, without thousands separators)");
            return 0;
        },
    };
}
