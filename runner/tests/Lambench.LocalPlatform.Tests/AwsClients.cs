using System.Diagnostics;

namespace Lambench.LocalPlatform.Tests;

/// <summary>Runs clients nobody here wrote against the platform: the AWS CLI v2 (Debian awscli) and boto3 (Debian python3-boto3).</summary>
internal static class AwsClients
{
    public const string Cli = "/usr/bin/aws";
    public const string Python = "/usr/bin/python3";

    public static (int Exit, string Output, string Error) Aws(LocalPlatform platform, params string[] args) =>
        Run(platform, Cli, args.Contains("--endpoint-url") ? ["--output", "json", .. args] : ["--endpoint-url", platform.Endpoint.ToString().TrimEnd('/'), "--output", "json", .. args]);

    /// <summary>Runs <paramref name="script"/> with the platform's endpoint as sys.argv[1], then <paramref name="args"/>.</summary>
    public static (int Exit, string Output, string Error) Boto3(LocalPlatform platform, string script, params string[] args) =>
        Run(platform, Python, ["-c", script, platform.Endpoint.ToString().TrimEnd('/'), .. args]);

    /// <summary>Runs <paramref name="program"/> (a path, or a name looked up on PATH) with the platform's client environment.</summary>
    public static (int Exit, string Output, string Error) Run(LocalPlatform platform, string program, string[] args)
    {
        Assert.True(File.Exists(program) || !program.Contains('/', StringComparison.Ordinal), $"{program} is missing: apt-get install awscli python3-boto3 (.ci/run installs them)");
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in platform.ClientEnvironment)
        {
            start.Environment[name] = value;
        }

        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_PAGER"] = string.Empty;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
