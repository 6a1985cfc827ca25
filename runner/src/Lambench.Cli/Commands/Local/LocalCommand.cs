using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Lambench.LocalPlatform;
using Lambench.LocalPlatform.Template;
using Spectre.Console;

namespace Lambench.Cli.Commands.Local;

/// <summary><c>lambench local up|down|serve</c>: the local Lambda platform on 127.0.0.1.</summary>
public static class LocalCommand
{
    public static Command Build(IAnsiConsole console)
    {
        var template = new Option<string?>("--template") { Description = "The SAM template to run. Default: infra/template.yaml of the repository above the current directory." };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 for the Lambda, CloudWatch Logs and Runtime API endpoints.", DefaultValueFactory = _ => 4566 };

        var concurrency = new Option<int>("--max-concurrency") { Description = $"Invocations in flight across all functions, like an AWS account's concurrency limit: one more is refused with 429 TooManyRequestsException (ConcurrentInvocationLimitExceeded), as AWS does. Reserved concurrency caps each function below it.", DefaultValueFactory = _ => LocalPlatformOptions.DefaultMaxConcurrency };
        concurrency.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1000)
            {
                r.AddError("--max-concurrency is from 1 to 1000");
            }
        });

        var serve = new Command("serve", "Run the platform in the foreground until Ctrl+C (what `up` starts in the background).") { template, port, concurrency };
        serve.SetAction((result, cancellation) => ServeAsync(console, result.GetValue(template), result.GetValue(port), result.GetValue(concurrency), cancellation));

        var up = new Command("up", """
            Start the local platform in the background: the functions of infra/template.yaml as real processes (Python
            with this machine's python3, Go built from infra/functions/go, arm64 under qemu-user), with Lambda and
            CloudWatch Logs endpoints on 127.0.0.1. Prints the endpoint and the environment variables that point the
            AWS CLI, boto3 and the AWS SDKs at it. Timings measured here are this machine's (platform=local).

            It serves AWS clients on this machine only: every request but the functions' own Runtime API calls must be
            SigV4-signed with the platform's key (the variables it prints), address it as 127.0.0.1, localhost or
            [::1], and carry no browser Origin, so that no web page can invoke a function or read the logs.
            """) { template, port, concurrency };
        up.SetAction((result, cancellation) => UpAsync(console, result.GetValue(template), result.GetValue(port), result.GetValue(concurrency), cancellation));

        var down = new Command("down", "Stop the platform that `up` started, and every function process.");
        down.SetAction(_ => Down(console));

        return new Command("local", "The embedded local platform: run the functions under test on this machine, no AWS account, no Docker.") { up, down, serve };
    }

    private static string WorkDirectory() => RepositoryLayout.LocalWorkDirectory();

    private static string PidFile => Path.Combine(WorkDirectory(), "platform.pid");

    private static async Task<int> ServeAsync(IAnsiConsole console, string? templateOption, int port, int maxConcurrency, CancellationToken cancellation)
    {
        var templatePath = RepositoryLayout.Template(templateOption);
        if (templatePath is null)
        {
            console.MarkupLine("[red]error:[/] no infra/template.yaml above the current directory; pass --template");
            return ExitCodes.BadInput;
        }

        LocalPlatform.LocalPlatform platform;
        try
        {
            platform = await LocalPlatform.LocalPlatform.StartAsync(new LocalPlatformOptions { TemplatePath = templatePath, Port = port, WorkDirectory = WorkDirectory(), MaxConcurrency = maxConcurrency }, new ConsoleProgress(console), cancellation);
        }
        catch (Exception e) when (e is TemplateException or IOException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return ExitCodes.BadInput;
        }

        await using (platform)
        {
            PrintEndpoints(console, platform);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }

            console.MarkupLine("Stopping the local platform and its function processes.");
        }

        return ExitCodes.Success;
    }

    private static void PrintEndpoints(IAnsiConsole console, LocalPlatform.LocalPlatform platform)
    {
        console.MarkupLineInterpolated($"[green]Local platform ready[/] at {platform.Endpoint} ({platform.Functions.Count} functions from {platform.Template.Path}).");
        foreach (var host in platform.Functions.Values.OrderBy(f => f.State.Definition.FunctionName, StringComparer.Ordinal))
        {
            var definition = host.State.Definition;
            console.MarkupLineInterpolated($"  {definition.FunctionName,-32} {definition.Runtime,-16} {definition.Architecture,-7} {(host.UnavailableReason is null ? "ready" : "not runnable here: " + host.UnavailableReason)}");
        }

        console.MarkupLine("Point the AWS CLI, boto3 or an AWS SDK at it with:");
        foreach (var (name, value) in platform.ClientEnvironment)
        {
            console.MarkupLineInterpolated($"  export {name}={value}");
        }

        console.MarkupLineInterpolated($"AWS CLI before 2.13 and boto3 before 1.28 ignore AWS_ENDPOINT_URL: pass --endpoint-url {platform.Endpoint.ToString().TrimEnd('/')} (CLI) or endpoint_url= (boto3).");
        console.MarkupLineInterpolated($"For example: aws lambda invoke --function-name {platform.Functions.Keys.Order(StringComparer.Ordinal).FirstOrDefault()} --payload '{{}}' --cli-binary-format raw-in-base64-out out.json");
    }

    private static async Task<int> UpAsync(IAnsiConsole console, string? templateOption, int port, int maxConcurrency, CancellationToken cancellation)
    {
        if (RunningProcess(console) is { } running)
        {
            console.MarkupLineInterpolated($"The local platform is already running (process {running.Id}); `lambench local down` stops it.");
            return ExitCodes.Success;
        }

        Directory.CreateDirectory(WorkDirectory());
        var log = Path.Combine(WorkDirectory(), "platform.log");
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Environment.CurrentDirectory };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(LocalCommand).Assembly.Location);
        }

        foreach (var argument in new[] { "local", "serve", "--port", port.ToString(CultureInfo.InvariantCulture), "--max-concurrency", maxConcurrency.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        if (RepositoryLayout.Template(templateOption) is { } templatePath)
        {
            start.ArgumentList.Add("--template");
            start.ArgumentList.Add(Path.GetFullPath(templatePath));
        }

        var process = Process.Start(start)!;
        PlatformProcessFile.Write(PidFile, process);
        var output = new StreamWriter(log) { AutoFlush = true };
        var ready = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lines = new List<string>();
        async Task Pump(StreamReader reader)
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                lock (lines)
                {
                    output.WriteLine(line);
                    lines.Add(line);
                    if (line.StartsWith("Point the AWS CLI", StringComparison.Ordinal))
                    {
                        ready.TrySetResult(true);
                    }
                }
            }
        }

        _ = Pump(process.StandardOutput);
        _ = Pump(process.StandardError);
        console.MarkupLine("Starting the local platform (the first start builds the Go functions, about a minute)...");
        var exited = process.WaitForExitAsync(cancellation);
        await Task.WhenAny(ready.Task, exited, Task.Delay(TimeSpan.FromMinutes(5), cancellation));
        await Task.Delay(200, cancellation); // the export lines follow the ready line
        lock (lines)
        {
            foreach (var line in lines.Where(l => !l.Contains(" s Preparing ", StringComparison.Ordinal)))
            {
                console.WriteLine(line);
            }
        }

        if (!ready.Task.IsCompleted)
        {
            console.MarkupLineInterpolated($"[red]error:[/] the local platform did not start; its log is {log}");
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            File.Delete(PidFile);
            return ExitCodes.Failed;
        }

        console.MarkupLineInterpolated($"Running in the background as process {process.Id} (log: {log}); `lambench local down` stops it.");
        return ExitCodes.Success;
    }

    private static int Down(IAnsiConsole console)
    {
        if (RunningProcess(console) is not { } process)
        {
            console.MarkupLine("The local platform is not running.");
            return ExitCodes.Success;
        }

        // SIGTERM lets it stop its function processes; the whole tree is killed if it does not within 10 s.
        Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
        if (!process.WaitForExit(10_000))
        {
            process.Kill(entireProcessTree: true);
        }

        File.Delete(PidFile);
        console.MarkupLineInterpolated($"Stopped the local platform (process {process.Id}).");
        return ExitCodes.Success;
    }

    /// <summary>The platform process platform.pid names, verified (start time, command); a stale file is removed, saying why.</summary>
    private static Process? RunningProcess(IAnsiConsole console)
    {
        var process = PlatformProcessFile.Running(PidFile, out var stale);
        if (stale is not null)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {stale}; it was not signalled, and {PidFile} is removed.");
        }

        if (process is null && File.Exists(PidFile))
        {
            File.Delete(PidFile);
        }

        return process;
    }
}
