using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Lambench.Core.Processes;
using Lambench.LocalPlatform.Functions;
using Lambench.LocalPlatform.Template;

namespace Lambench.LocalPlatform.DynamoDb;

/// <summary>
/// DynamoDB for the local platform: dynalite (npm), installed into the platform's work folder on first use, started
/// on 127.0.0.1 and stopped with the platform, with the template's tables created in it.
/// </summary>
public sealed class DynaliteServer : IAsyncDisposable
{
    public const string Version = "3.2.2";

    private readonly Process process;

    private DynaliteServer(Process process, Uri endpoint)
    {
        this.process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <exception cref="LambdaServiceException">node or npm missing, or dynalite not installable: what to install.</exception>
    public static async Task<DynaliteServer> StartAsync(string workDirectory, IReadOnlyList<TableDefinition> tables, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        var node = ExecutableSearch.OnPath("node") ?? throw Refusal("node is not installed: apt-get install nodejs npm (DynamoDB runs locally as the npm package dynalite)");
        var directory = Path.Combine(workDirectory, "dynalite");
        if (!File.Exists(Path.Combine(directory, "node_modules", "dynalite", "package.json")))
        {
            var npm = ExecutableSearch.OnPath("npm") ?? throw Refusal("npm is not installed: apt-get install npm (to install dynalite, the local DynamoDB)");
            progress?.Report($"Installing dynalite {Version} with npm (first use)");
            await InstallAsync(npm, directory, cancellation);
        }

        var script = Path.Combine(directory, "dynalite_server.js");
        using var content = new MemoryStream();
        await using (var resource = typeof(DynaliteServer).Assembly.GetManifestResourceStream("dynalite_server.js")!)
        {
            await resource.CopyToAsync(content, cancellation);
        }

        // Several platforms may start at once over one work directory (the tests of an assembly run in parallel): the
        // script is replaced whole, never truncated in place, so a node starting meanwhile never reads it empty.
        if (!File.Exists(script) || !File.ReadAllBytes(script).AsSpan().SequenceEqual(content.ToArray()))
        {
            Lambench.Core.Csv.AtomicFile.WriteAllBytes(script, content.ToArray());
        }

        var start = new ProcessStartInfo(node) { WorkingDirectory = directory, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("0");
        var process = Process.Start(start)!;
        var line = await process.StandardOutput.ReadLineAsync(cancellation).AsTask().WaitAsync(TimeSpan.FromSeconds(30), cancellation);
        if (line is null || !line.StartsWith("LISTENING ", StringComparison.Ordinal))
        {
            var errors = await process.StandardError.ReadToEndAsync(cancellation);
            process.Kill(entireProcessTree: true);
            throw Refusal($"dynalite did not start: {line} {errors.Trim()}");
        }

        _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var server = new DynaliteServer(process, new Uri($"http://127.0.0.1:{line["LISTENING ".Length..]}"));
        foreach (var table in tables)
        {
            progress?.Report($"Creating DynamoDB table {table.TableName}");
            await server.CreateTableAsync(table, cancellation);
        }

        return server;
    }

    /// <summary>
    /// npm installs into a folder of this start's own, then its node_modules is renamed into place: several platforms
    /// may start at once over one work directory (the tests of an assembly run in parallel), and two npm installs into
    /// one folder corrupt each other's package.json. The first rename wins; the others' copies are deleted.
    /// </summary>
    private static async Task InstallAsync(string npm, string directory, CancellationToken cancellation)
    {
        Directory.CreateDirectory(directory);
        var staging = Path.Combine(directory, $"install-{Guid.NewGuid():N}");
        try
        {
            var (exit, errors) = await RunAsync(npm, ["install", "--no-audit", "--no-fund", "--prefix", staging, $"dynalite@{Version}"], cancellation);
            if (exit != 0)
            {
                throw Refusal($"npm install dynalite@{Version} failed: {errors.Trim()}");
            }

            var target = Path.Combine(directory, "node_modules");
            if (Directory.Exists(target) && !File.Exists(Path.Combine(target, "dynalite", "package.json")))
            {
                Directory.Delete(target, recursive: true); // what an install stopped part-way left
            }

            try
            {
                Directory.Move(Path.Combine(staging, "node_modules"), target);
            }
            catch (IOException) when (File.Exists(Path.Combine(directory, "node_modules", "dynalite", "package.json")))
            {
                // another start installed it first
            }
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private async Task CreateTableAsync(TableDefinition table, CancellationToken cancellation)
    {
        var keys = new List<(string Name, string Type, string KeyType)> { (table.HashKey.Name, table.HashKey.Type, "HASH") };
        if (table.RangeKey is { } range)
        {
            keys.Add((range.Name, range.Type, "RANGE"));
        }

        var body = new JsonObject
        {
            ["TableName"] = table.TableName,
            ["BillingMode"] = "PAY_PER_REQUEST",
            ["AttributeDefinitions"] = new JsonArray(keys.Select(k => (JsonNode)new JsonObject { ["AttributeName"] = k.Name, ["AttributeType"] = k.Type }).ToArray()),
            ["KeySchema"] = new JsonArray(keys.Select(k => (JsonNode)new JsonObject { ["AttributeName"] = k.Name, ["KeyType"] = k.KeyType }).ToArray()),
        };
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.0");
        request.Headers.Add("X-Amz-Target", "DynamoDB_20120810.CreateTable");
        // dynalite checks that a request is signed, not the signature.
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential={LocalPlatform.AccessKeyId}/{DateTime.UtcNow:yyyyMMdd}/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        using var response = await client.SendAsync(request, cancellation);
        if (!response.IsSuccessStatusCode)
        {
            throw Refusal($"dynalite refused to create table {table.TableName}: {await response.Content.ReadAsStringAsync(cancellation)}");
        }
    }

    private static async Task<(int Exit, string Errors)> RunAsync(string program, string[] args, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        await process.StandardOutput.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        return (process.ExitCode, await errors);
    }

    private static LambdaServiceException Refusal(string message) => new(500, "ServiceException", message);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
