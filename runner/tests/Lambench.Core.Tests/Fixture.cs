using Lambench.Tests.Shared;

namespace Lambench.Core.Tests;

internal static class Fixture
{
    public static string Path(string name) => RepositoryPaths.Fixture(name);

    public static string RepositoryRoot() => RepositoryPaths.Root();
}
