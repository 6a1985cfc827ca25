using Lambench.LocalPlatform.Template;

namespace Lambench.LocalPlatform.Functions;

/// <summary>
/// A function's current configuration. Every update makes a new revision: environments of older revisions are
/// retired, which is how a configuration change forces a cold start, locally as on AWS.
/// </summary>
public sealed record FunctionState
{
    public required FunctionDefinition Definition { get; init; }
    public required int MemorySizeMb { get; init; }
    public required int TimeoutSeconds { get; init; }
    public required IReadOnlyDictionary<string, string> Environment { get; init; }
    public required string RevisionId { get; init; }

    /// <summary>Text or JSON (LoggingConfig.LogFormat): the format of START, END and REPORT lines.</summary>
    public required string LogFormat { get; init; }
    public required DateTimeOffset LastModified { get; init; }

    /// <summary>InProgress while an update is being applied, then Successful (the values of AWS's LastUpdateStatus).</summary>
    public string LastUpdateStatus { get; init; } = "Successful";
    public int? ReservedConcurrency { get; init; }
    public string FunctionArn => $"arn:aws:lambda:us-east-1:{TemplateReader.AccountId}:function:{Definition.FunctionName}";
}
