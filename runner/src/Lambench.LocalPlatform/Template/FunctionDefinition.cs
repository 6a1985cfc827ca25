namespace Lambench.LocalPlatform.Template;

/// <summary>An AWS::Serverless::Function as the local platform runs it (Globals merged, intrinsics resolved).</summary>
public sealed record FunctionDefinition
{
    public required string LogicalId { get; init; }
    public required string FunctionName { get; init; }
    public required string Runtime { get; init; }
    public required string Handler { get; init; }

    /// <summary>Absolute path of the code folder (CodeUri relative to the template).</summary>
    public required string CodeDirectory { get; init; }

    /// <summary>arm64 or x86_64.</summary>
    public required string Architecture { get; init; }
    public required int MemorySizeMb { get; init; }
    public required int TimeoutSeconds { get; init; }
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>Text or JSON, as LoggingConfig.LogFormat.</summary>
    public string LogFormat { get; init; } = "Text";
    public required string LogGroupName { get; init; }
    public int? ReservedConcurrency { get; init; }
    public IReadOnlyList<SqsEventSource> SqsEvents { get; init; } = [];
    public bool HasFunctionUrl { get; init; }

    /// <summary>The function's routes on the template's HTTP APIs (its HttpApi events).</summary>
    public IReadOnlyList<HttpApiRoute> HttpApiRoutes { get; init; } = [];
}
