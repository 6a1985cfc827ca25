namespace Lambench.Core.Workflows;

/// <summary>
/// A serverless architecture described for its monthly cost: state machines, functions, queues, buckets, tables, log
/// volume and events, all per execution of the whole workflow, and how many executions a day.
/// </summary>
public sealed record WorkflowSpec
{
    public required string Path { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = string.Empty;

    /// <summary>The region whose price file prices it, unless the command line says otherwise.</summary>
    public required string Region { get; init; }
    public required double ExecutionsPerDay { get; init; }

    /// <summary>Days in the priced month; 30 unless the description says otherwise.</summary>
    public required double DaysPerMonth { get; init; }
    public required IReadOnlyList<WorkflowStateMachine> StateMachines { get; init; }
    public required IReadOnlyList<WorkflowFunction> Functions { get; init; }
    public required IReadOnlyList<WorkflowQueue> Queues { get; init; }
    public required IReadOnlyList<WorkflowBucket> Buckets { get; init; }
    public required IReadOnlyList<WorkflowTable> Tables { get; init; }

    /// <summary>CloudWatch Logs ingested per execution, every function together.</summary>
    public double LogBytesPerExecution { get; init; }

    /// <summary>EventBridge Scheduler invocations per execution (a schedule that starts the workflow: 1).</summary>
    public double ScheduledEventsPerExecution { get; init; }

    /// <summary>Custom events put on an EventBridge bus per execution.</summary>
    public double CustomEventsPerExecution { get; init; }

    public double ExecutionsPerMonth => ExecutionsPerDay * DaysPerMonth;
}
