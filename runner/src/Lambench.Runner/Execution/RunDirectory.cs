using Lambench.Core.Specs;
using System.Text.Json;
using Lambench.Core.Csv;
using Lambench.Runner.Plans;
using Lambench.Runner.Specs;

namespace Lambench.Runner.Execution;

/// <summary>
/// A run's directory: spec.yaml (the spec as run), plan.json, journal.jsonl, logs/ (what the collector fetched),
/// invocations.csv, collection.json and report/. A directory that holds a plan is a run to resume, never overwritten.
/// </summary>
public sealed class RunDirectory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private RunDirectory(string root, ExperimentSpec spec, RunPlan plan, bool resumed)
    {
        Root = root;
        Spec = spec;
        Plan = plan;
        IsResumed = resumed;
    }

    public string Root { get; }
    public ExperimentSpec Spec { get; }
    public RunPlan Plan { get; }

    /// <summary>True when the directory already held this run's plan (a resume, or a finished run collected again).</summary>
    public bool IsResumed { get; }

    public string SpecPath => Path.Combine(Root, "spec.yaml");
    public string PlanPath => Path.Combine(Root, "plan.json");
    public string JournalPath => Path.Combine(Root, "journal.jsonl");
    public string LogsDirectory => Path.Combine(Root, "logs");
    public string InvocationsPath => Path.Combine(Root, "invocations.csv");

    /// <summary>The DynamoDB operations the measured invocations logged (embedded metric lines), joined with them by request id.</summary>
    public string OperationsPath => Core.Csv.OperationCsvFile.PathBeside(InvocationsPath);
    public string CollectionPath => Path.Combine(Root, "collection.json");
    public string ReportDirectory => Path.Combine(Root, "report");

    /// <summary>A load spec's request files, one per load step and attempt (loads/&lt;batch id&gt;.csv).</summary>
    public string LoadsDirectory => Path.Combine(Root, "loads");

    public string LoadRequestsPath(string stepBatchId) => Path.Combine(LoadsDirectory, stepBatchId + ".csv");

    /// <summary>A load spec's requests joined with their REPORT lines (written by the collector).</summary>
    public string RequestsPath => Path.Combine(Root, "requests.csv");

    /// <summary>The local platform's CloudWatch Logs store for this run, so REPORT lines outlive a crash of the runner.</summary>
    public string PlatformLogsDirectory => Path.Combine(Root, "platform-logs");

    /// <summary>
    /// Takes the directory for this process until disposed (an exclusive lock on .lock, released by the kernel even
    /// after kill -9): two runs writing one journal would mix their steps.
    /// </summary>
    /// <exception cref="RunDirectoryException">another process holds it.</exception>
    public IDisposable Lock()
    {
        // The lock file itself cannot be read while held, so the holder's process id goes beside it.
        var owner = Path.Combine(Root, ".lock-owner");
        try
        {
            var stream = new FileStream(Path.Combine(Root, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            File.WriteAllText(owner, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return stream;
        }
        catch (IOException)
        {
            var holder = File.Exists(owner) ? File.ReadAllText(owner).Trim() : "?";
            throw new RunDirectoryException($"{Root} is in use by another lambench run (process {holder}); wait for it, or stop it and run again to resume");
        }
    }

    /// <summary>
    /// Opens <paramref name="root"/> for <paramref name="specPath"/>: a new run (the spec copied, a plan written) when
    /// the directory is empty or absent, or the run it holds when its spec.yaml is the same file.
    /// </summary>
    /// <exception cref="RunDirectoryException">the directory holds something else.</exception>
    /// <exception cref="SpecException">the spec has errors.</exception>
    /// <param name="maxInvocations">the most invocations the plan may hold; a larger spec is an error saying how many it asks for.</param>
    /// <param name="spec">the spec as already read from <paramref name="specPath"/>, if the caller has read it; else it is read here.</param>
    public static RunDirectory Prepare(string root, string specPath, int? seed = null, long maxInvocations = RunPlanBuilder.DefaultMaxInvocations, ExperimentSpec? spec = null)
    {
        root = Path.GetFullPath(root);
        var planPath = Path.Combine(root, "plan.json");
        var specText = File.ReadAllText(specPath);
        if (File.Exists(planPath))
        {
            var kept = Path.Combine(root, "spec.yaml");
            if (!File.Exists(kept) || File.ReadAllText(kept) != specText)
            {
                throw new RunDirectoryException($"{root} holds a run of another spec (its spec.yaml differs from {specPath}); resume it with `lambench run {root}`, or pick another --out");
            }

            return Open(root);
        }

        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new RunDirectoryException($"{root} is not empty and holds no run (no plan.json); pick another --out");
        }

        spec ??= new ExperimentSpecReader().Read(specPath);
        CheckSize(spec, specPath, maxInvocations);
        Directory.CreateDirectory(root);
        var runId = $"{spec.Name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Random.Shared.Next(0x10000):x4}";
        var plan = RunPlanBuilder.Build(spec, runId, seed);
        AtomicFile.WriteAllText(Path.Combine(root, "spec.yaml"), specText);
        // plan.json last: its presence is what marks the directory as a run.
        AtomicFile.WriteAllText(planPath, JsonSerializer.Serialize(plan, Json) + "\n");
        return new RunDirectory(root, spec with { Path = Path.Combine(root, "spec.yaml") }, plan, resumed: false);
    }

    /// <exception cref="SpecException">the plan would hold more than <paramref name="maxInvocations"/> invocations.</exception>
    public static void CheckSize(ExperimentSpec spec, string specPath, long maxInvocations)
    {
        var count = RunPlanBuilder.InvocationCount(spec);
        if (count > maxInvocations)
        {
            var line = File.ReadLines(specPath).TakeWhile(l => !l.StartsWith("protocol:", StringComparison.Ordinal)).Count() + 1;
            var culture = System.Globalization.CultureInfo.InvariantCulture;
            var advice = count > RunPlanBuilder.MaxInvocationsCeiling
                ? string.Create(culture, $"that is beyond the {RunPlanBuilder.MaxInvocationsCeiling:N0} a plan can hold in memory: split the spec into several runs")
                : string.Create(culture, $"run --max-invocations allows up to {RunPlanBuilder.MaxInvocationsCeiling:N0} if you mean it");
            throw new SpecException([new SpecError(specPath, line, "protocol", string.Create(culture,
                $"the plan holds {count:N0} invocations (rounds × configurations × (warmup + batches × (cold_starts + repetitions))), more than {maxInvocations:N0}; {advice}"))]);
        }
    }

    /// <summary>Opens the run a directory holds (spec.yaml and plan.json).</summary>
    /// <exception cref="RunDirectoryException">no run there, or a plan that does not fit its spec.</exception>
    /// <exception cref="SpecException">its spec.yaml has errors.</exception>
    public static RunDirectory Open(string root)
    {
        root = Path.GetFullPath(root);
        var planPath = Path.Combine(root, "plan.json");
        var specPath = Path.Combine(root, "spec.yaml");
        if (!File.Exists(planPath) || !File.Exists(specPath))
        {
            throw new RunDirectoryException($"{root} holds no run (spec.yaml and plan.json); start one with `lambench run <spec.yaml> --out {root}`");
        }

        var spec = new ExperimentSpecReader().Read(specPath);
        RunPlan plan;
        try
        {
            plan = JsonSerializer.Deserialize<RunPlan>(File.ReadAllText(planPath), Json) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new RunDirectoryException($"{planPath}: line {(e.LineNumber ?? 0) + 1}: not a run plan ({e.Message})");
        }

        var configurations = spec.Configurations.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var labels = spec.Batches.Select(b => b.Label).ToHashSet(StringComparer.Ordinal);
        if (plan.Steps.Any(s => !configurations.Contains(s.Configuration) || (s.Batch is not null && !labels.Contains(s.Batch))))
        {
            throw new RunDirectoryException($"{planPath}: the plan names configurations or batches that {specPath} does not have; the run directory was edited by hand?");
        }

        return new RunDirectory(root, spec, plan, resumed: true);
    }
}
