using System.Diagnostics;
using System.Runtime.InteropServices;
using Lambench.Core.Processes;
using Lambench.LocalPlatform.Template;

namespace Lambench.LocalPlatform.Functions;

/// <summary>
/// How an execution environment's process is started: Python functions with this machine's python3 through the
/// platform's runtime bootstrap; Go functions as the bootstrap binary their build.sh makes, under qemu-user where the
/// architecture is not the machine's. The environment holds only Lambda's variables and the function's own.
/// </summary>
public sealed class RuntimeLauncher(string workDirectory)
{
    private readonly Dictionary<string, Task<string>> builds = new(StringComparer.Ordinal);
    private readonly Lazy<string> pythonBootstrap = new(() => ExtractBootstrap(workDirectory));

    /// <summary>LAMBENCH_PYTHON, else Debian's /usr/bin/python3 (where apt installs boto3), else python3 on PATH.</summary>
    public static string? FindPython() =>
        Environment.GetEnvironmentVariable("LAMBENCH_PYTHON") is { Length: > 0 } configured ? configured
        : File.Exists("/usr/bin/python3") ? "/usr/bin/python3"
        : ExecutableSearch.OnPath("python3");

    public static string MachineArchitecture => RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "x86_64";

    /// <summary>Checks that the function can run here and builds it if needed (Go), so the first invoke is not slowed by a build.</summary>
    /// <exception cref="LambdaServiceException">what is missing and how to install it.</exception>
    public async Task PrepareAsync(FunctionDefinition function, CancellationToken cancellation = default)
    {
        if (function.Runtime.StartsWith("python3", StringComparison.Ordinal))
        {
            _ = FindPython() ?? throw Refusal("python3 is not installed: apt-get install python3 python3-boto3");
            if (function.Architecture != MachineArchitecture)
            {
                throw Refusal($"{function.Architecture} Python needs an {function.Architecture} python3; this machine's is {MachineArchitecture}, and Lambench never relabels architectures");
            }

            return;
        }

        _ = Emulator(function) ;
        await BuildAsync(function, cancellation);
    }

    public async Task<ProcessStartInfo> StartInfoAsync(FunctionState state, string environmentId, string runtimeApi, string logStream, IReadOnlyDictionary<string, string> platformVariables, CancellationToken cancellation = default)
    {
        var function = state.Definition;
        ProcessStartInfo start;
        if (function.Runtime.StartsWith("python3", StringComparison.Ordinal))
        {
            start = new ProcessStartInfo(FindPython() ?? throw Refusal("python3 is not installed: apt-get install python3 python3-boto3"));
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add(pythonBootstrap.Value);
        }
        else
        {
            var binary = await BuildAsync(function, cancellation);
            if (Emulator(function) is { } emulator)
            {
                start = new ProcessStartInfo(emulator);
                start.ArgumentList.Add(binary);
            }
            else
            {
                start = new ProcessStartInfo(binary);
            }
        }

        start.WorkingDirectory = function.CodeDirectory;
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        start.Environment["LANG"] = "C.UTF-8";
        start.Environment["TZ"] = ":UTC";
        foreach (var (name, value) in platformVariables)
        {
            start.Environment[name] = value;
        }

        foreach (var (name, value) in state.Environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = function.FunctionName;
        start.Environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = state.MemorySizeMb.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        start.Environment["AWS_LAMBDA_LOG_GROUP_NAME"] = function.LogGroupName;
        start.Environment["AWS_LAMBDA_LOG_STREAM_NAME"] = logStream;
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = $"{runtimeApi}/env/{environmentId}";
        start.Environment["AWS_EXECUTION_ENV"] = "AWS_Lambda_" + function.Runtime;
        start.Environment["_HANDLER"] = function.Handler;
        start.Environment["LAMBDA_TASK_ROOT"] = function.CodeDirectory;
        return start;
    }

    private static string? Emulator(FunctionDefinition function)
    {
        if (function.Architecture == MachineArchitecture)
        {
            return null;
        }

        var name = function.Architecture == "arm64" ? "qemu-aarch64" : "qemu-x86_64";
        return ExecutableSearch.OnPath(name + "-static") ?? ExecutableSearch.OnPath(name)
            ?? throw Refusal($"{function.FunctionName} is {function.Architecture} and this machine is {MachineArchitecture}: install qemu-user-static (apt-get install qemu-user-static) to run it under emulation");
    }

    private Task<string> BuildAsync(FunctionDefinition function, CancellationToken cancellation)
    {
        var key = function.CodeDirectory + "|" + function.Architecture;
        lock (builds)
        {
            if (!builds.TryGetValue(key, out var build) || build.IsFaulted || build.IsCanceled)
            {
                build = BuildGoAsync(function, cancellation);
                builds[key] = build;
            }

            return build;
        }
    }

    private async Task<string> BuildGoAsync(FunctionDefinition function, CancellationToken cancellation)
    {
        var script = Path.Combine(function.CodeDirectory, "build.sh");
        if (!File.Exists(script))
        {
            throw Refusal($"{function.FunctionName}: {function.Runtime} code needs a build.sh in {function.CodeDirectory} that builds the bootstrap binary");
        }

        _ = ExecutableSearch.OnPath("go") ?? throw Refusal("go is not installed: apt-get install golang-go golang-github-aws-aws-sdk-go-v2-dev (or a Go toolchain with access to the module proxy)");
        var goArch = function.Architecture == "arm64" ? "arm64" : "amd64";
        var output = Path.Combine(workDirectory, "build", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(function.CodeDirectory)))[..12], goArch, "bootstrap");
        var newestSource = Directory.EnumerateFiles(function.CodeDirectory).Max(File.GetLastWriteTimeUtc);
        if (File.Exists(output) && File.GetLastWriteTimeUtc(output) > newestSource)
        {
            return output;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        // Built beside the target and renamed into place: two platforms building at once never run a half-written file.
        var partial = output + "." + Guid.NewGuid().ToString("N") + ".partial";
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(goArch);
        start.ArgumentList.Add(partial);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        await process.StandardOutput.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        if (process.ExitCode != 0)
        {
            File.Delete(partial);
            throw Refusal($"building {function.FunctionName} ({goArch}) failed: {(await errors).Trim()}");
        }

        File.Move(partial, output, overwrite: true);
        return output;
    }

    private static string ExtractBootstrap(string workDirectory)
    {
        var path = Path.Combine(workDirectory, "runtimes", "python_bootstrap.py");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var resource = typeof(RuntimeLauncher).Assembly.GetManifestResourceStream("python_bootstrap.py")!;
        using var file = File.Create(path);
        resource.CopyTo(file);
        return path;
    }

    private static LambdaServiceException Refusal(string message) => new(500, "ServiceException", message);
}
