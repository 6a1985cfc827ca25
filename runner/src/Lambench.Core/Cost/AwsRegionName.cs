using System.Text.RegularExpressions;

namespace Lambench.Core.Cost;

/// <summary>The form of an AWS region name (us-east-1, sa-east-1, ap-southeast-2), checked before it names a file or an endpoint.</summary>
public static partial class AwsRegionName
{
    public static bool IsWellFormed(string region) => Pattern().IsMatch(region);

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d{1,2}$")]
    private static partial Regex Pattern();
}
