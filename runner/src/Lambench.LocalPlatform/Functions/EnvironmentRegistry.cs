using System.Collections.Concurrent;

namespace Lambench.LocalPlatform.Functions;

/// <summary>Execution environments by id, for the Runtime API routes /env/&lt;id&gt;/2018-06-01/runtime/...</summary>
internal sealed class EnvironmentRegistry
{
    private readonly ConcurrentDictionary<string, ExecutionEnvironment> environments = new(StringComparer.Ordinal);

    public void Add(ExecutionEnvironment environment) => environments[environment.Id] = environment;

    public void Remove(string id) => environments.TryRemove(id, out _);

    public ExecutionEnvironment? Find(string id) => environments.GetValueOrDefault(id);
}
