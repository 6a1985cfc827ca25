namespace Lambench.Core.Summary;

/// <summary>How tables, figures and the Methods paragraph name a stratum: "go-arm64", or "go-arm64 · sort-2k" where the functions logged a workload.</summary>
public static class StratumName
{
    public static string Of(string configuration, string? workload) => workload is null ? configuration : $"{configuration} · {workload}";
}
