using Lambench.LocalPlatform.DynamoDb;
using Lambench.LocalPlatform.Template;

namespace Lambench.LocalPlatform.Tests;

/// <summary>dynalite's first install, as a fresh clone's tests meet it: several platforms starting at once.</summary>
[Trait("Tier", "system")]
public sealed class DynaliteInstallTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-dynalite-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Two_starts_over_a_new_work_directory_install_once_each_in_a_folder_of_its_own_and_both_serve()
    {
        // Two npm installs into one folder corrupted each other's package.json ("EJSONPARSE") before each got its own.
        var tables = new[] { new TableDefinition("T", "writes", ("pk", "S"), null) };
        var servers = await Task.WhenAll(DynaliteServer.StartAsync(_directory, tables), DynaliteServer.StartAsync(_directory, tables));
        try
        {
            Assert.All(servers, s => Assert.Equal("127.0.0.1", s.Endpoint.Host));
            Assert.True(File.Exists(Path.Combine(_directory, "dynalite", "node_modules", "dynalite", "package.json")));
            Assert.Empty(Directory.GetDirectories(Path.Combine(_directory, "dynalite"), "install-*"));
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }
}
