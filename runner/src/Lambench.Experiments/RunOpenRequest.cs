using Lambench.Core.Vocabulary;

namespace Lambench.Experiments;

/// <summary>What a run is opened from: a spec for a new run (or one that resumes in <see cref="Output"/>), or a run directory to resume.</summary>
public sealed record RunOpenRequest
{
    /// <summary>An experiment spec, or a run directory to resume or collect again.</summary>
    public required string Input { get; init; }

    /// <summary>The run directory of a spec's run.</summary>
    public required string Output { get; init; }

    /// <summary>The template the run's functions come from; null or missing: the run is refused.</summary>
    public required string? TemplatePath { get; init; }

    /// <summary>The template was named by the user (--template), so the command that resumes must name it too.</summary>
    public bool TemplateGiven { get; init; }

    public required string Stack { get; init; }

    /// <summary>Overrides the spec's target.</summary>
    public Platform? Target { get; init; }

    /// <summary>For AWS: --region, else the environment's or profile's region.</summary>
    public string? Region { get; init; }

    public int? Seed { get; init; }

    /// <summary>The most invocations a new run's plan may hold.</summary>
    public long MaxInvocations { get; init; } = Lambench.Runner.Plans.RunPlanBuilder.DefaultMaxInvocations;

    /// <summary>Move a damaged journal's unreadable lines aside and resume instead of stopping.</summary>
    public bool SetAsideDamagedJournal { get; init; }
}
