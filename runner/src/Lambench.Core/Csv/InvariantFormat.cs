using System.Globalization;

namespace Lambench.Core.Csv;

/// <summary>How every file Lambench writes spells numbers and times: invariant culture, shortest round-trip, UTC with Z.</summary>
public static class InvariantFormat
{
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(double? value) => value is { } v ? Number(v) : string.Empty;

    public static string Integer(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>Every significant digit of a decimal amount, without the trailing zeros its scale carries.</summary>
    public static string Money(decimal? value) => value?.ToString("0.############################", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>Milliseconds to the microsecond (0.### ms): for times measured in whole microseconds, whose differences a double would print with noise digits.</summary>
    public static string Milliseconds(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Timestamp(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture) ?? string.Empty;
}
