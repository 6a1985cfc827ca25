using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Lambench.Tests.Shared;

/// <summary>
/// moto (moto_server, an AWS stand-in written by others) on 127.0.0.1 and a free port, started by the test that needs it
/// and stopped by Dispose. Lambda runs without Docker (moto answers Invoke without running code), so tests put the
/// REPORT lines a run expects into its log groups with boto3 (<see cref="Python"/>).
/// </summary>
internal sealed class MotoServer : IDisposable
{
    public const string Region = "us-east-1";
    public const string AccessKey = "testing";
    public const string SecretKey = "testing";

    private readonly Process process;

    public Uri Endpoint { get; }

    private MotoServer(Process process, Uri endpoint)
    {
        this.process = process;
        Endpoint = endpoint;
    }

    public static async Task<MotoServer> StartAsync()
    {
        var executable = Lambench.Core.Processes.ExecutableSearch.OnPath("moto_server") ?? throw new InvalidOperationException("moto_server is not on PATH: the machine's Python 3.11 has moto 5.2 (pip install 'moto[server]' elsewhere)");
        var port = FreePort();
        // The repository as working directory: a test may have left the process in a temporary folder it then deleted.
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root() };
        foreach (var argument in new[] { "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new MotoServer(process, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var configured = await http.PostAsync(new Uri(server.Endpoint, "moto-api/config"), new StringContent("""{"lambda": {"use_docker": false}}"""));
                if (configured.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
            }

            if (DateTime.UtcNow >= deadline || process.HasExited)
            {
                server.Dispose();
                throw new InvalidOperationException("moto_server did not start on 127.0.0.1:" + port);
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Runs Shared/moto_account.py with the first python3 on PATH (boto3's), with a JSON argument file.</summary>
    public async Task PythonAsync(string command, object? argument, params string[] extra)
    {
        var start = new ProcessStartInfo(Lambench.Core.Processes.ExecutableSearch.OnPath("python3") ?? "python3") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root() };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root(), "runner", "tests", "Shared", "moto_account.py"));
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(Endpoint.ToString().TrimEnd('/'));
        start.ArgumentList.Add(Region);
        string? file = null;
        if (argument is not null)
        {
            file = Path.GetTempFileName();
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(argument));
            start.ArgumentList.Add(file);
        }

        foreach (var value in extra)
        {
            start.ArgumentList.Add(value);
        }

        using var python = Process.Start(start)!;
        var error = python.StandardError.ReadToEndAsync();
        await python.StandardOutput.ReadToEndAsync();
        await python.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (file is not null)
        {
            File.Delete(file);
        }

        if (python.ExitCode != 0)
        {
            throw new InvalidOperationException($"moto_account.py {command} failed: {await error}");
        }
    }

    /// <summary>The environment that points a child process's AWS clients at this server.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["AWS_ENDPOINT_URL"] = Endpoint.ToString().TrimEnd('/'),
        ["AWS_ACCESS_KEY_ID"] = AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = SecretKey,
        ["AWS_REGION"] = Region,
    };

    public void Dispose()
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
