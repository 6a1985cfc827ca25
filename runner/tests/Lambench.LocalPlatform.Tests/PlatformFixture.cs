using Lambench.Tests.Shared;

namespace Lambench.LocalPlatform.Tests;

/// <summary>
/// One local platform for the end-to-end tests, on a free port of 127.0.0.1, running infra/template.yaml; stopped
/// (with every function process) when the tests end. Go builds are cached in .lambench/local-tests.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public LocalPlatform Platform { get; private set; } = null!;

    public async Task InitializeAsync() => Platform = await LocalPlatform.StartAsync(new LocalPlatformOptions
    {
        TemplatePath = Path.Combine(RepositoryPaths.Root(), "infra", "template.yaml"),
        Port = 0,
        WorkDirectory = Path.Combine(RepositoryPaths.Root(), ".lambench", "local-tests"),
    });

    public async Task DisposeAsync() => await Platform.DisposeAsync();
}

/// <summary>One platform for every end-to-end class: they run one after another and share its processes and builds.</summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "local platform";
}
