using Lambench.Core.Vocabulary;
namespace Lambench.Cli.Commands.Run;

/// <summary>What `lambench run` was asked to do.</summary>
public sealed record RunRequest
{
    public required string Input { get; init; }
    public string? Output { get; init; }
    public Platform? Target { get; init; }
    public required string Stack { get; init; }
    public string? Region { get; init; }
    public string? Template { get; init; }
    public int? Seed { get; init; }

    /// <summary>The most invocations a new run's plan may hold.</summary>
    public long MaxInvocations { get; init; } = Lambench.Runner.Plans.RunPlanBuilder.DefaultMaxInvocations;

    /// <summary>Move a damaged journal's unreadable lines aside and resume instead of stopping.</summary>
    public bool SetAsideDamagedJournal { get; init; }
    public bool Report { get; init; } = true;
    public bool StaticFigures { get; init; } = true;
    public string Language { get; init; } = "en";
    public double ThrottleFraction { get; init; }
    public TimeSpan LogDelay { get; init; }
    public Lambench.Runner.Collection.LogCollectionMethod Collect { get; init; }

    /// <summary>How long to keep asking for REPORT lines that have not arrived; null: the target's default.</summary>
    public TimeSpan? CollectTimeout { get; init; }
}
