namespace Lambench.Runner.Tests;

/// <summary>Tests that start a local platform run one at a time: two cores do not fit several platforms and their timings.</summary>
[CollectionDefinition(Name)]
public sealed class PlatformTests
{
    public const string Name = "local platform";
}
