using Lambench.Core.Columns;
using Lambench.Core.Records;

namespace Lambench.Core.Summary;

/// <summary>
/// What a configuration is: its runtime, architecture, memory size and platform, each the one value its rows carry
/// (rows without a value do not count), or null when none or several.
/// </summary>
public sealed record ConfigurationIdentity(string? Runtime, string? Architecture, int? MemorySizeMb, string? Platform)
{
    /// <summary>Factors whose rows hold more than one value, as "runtime values (python3.12, go)".</summary>
    public IReadOnlyList<string> Mixed { get; init; } = [];

    /// <summary>
    /// Runtime, architecture and memory size each hold one value on every row, or none on any: only then can the
    /// configuration be one side of a one-factor comparison.
    /// </summary>
    public bool IsComparable { get; init; }

    public static ConfigurationIdentity Of(IReadOnlyList<InvocationRecord> rows)
    {
        var columns = InvocationColumns.From(rows);
        return Of(columns, Enumerable.Range(0, columns.Count).ToArray());
    }

    /// <summary>The identity of the given rows of <paramref name="columns"/>.</summary>
    public static ConfigurationIdentity Of(InvocationColumns columns, ReadOnlySpan<int> rows)
    {
        var runtime = new Factor<string?>("runtime");
        var architecture = new Factor<string?>("architecture");
        var memory = new Factor<int?>("memory size");
        var platform = new Factor<string?>("platform");
        var seenSources = new HashSet<int>();
        int? lastMemory = -1;
        foreach (var row in rows)
        {
            // Runtime, architecture and platform belong to the row's source: each source is looked at once.
            if (seenSources.Add(columns.SourceIndex[row]))
            {
                var source = columns.Source(row);
                runtime.Add(source.Runtime);
                architecture.Add(source.Architecture);
                platform.Add(source.Platform);
            }

            var size = columns.MemorySizeMb(row);
            if (size != lastMemory)
            {
                memory.Add(size);
                lastMemory = size;
            }
        }

        return new ConfigurationIdentity(runtime.Single, architecture.Single, memory.Single, platform.Single)
        {
            Mixed = new[] { runtime.Conflict, architecture.Conflict, memory.Conflict, platform.Conflict }.OfType<string>().ToList(),
            IsComparable = runtime.Uniform && architecture.Uniform && memory.Uniform && platform.Uniform,
        };
    }

    private sealed class Factor<T>(string name)
    {
        private readonly HashSet<T> _values = [];
        private bool _missing;

        public void Add(T value)
        {
            if (value is null)
            {
                _missing = true;
            }
            else
            {
                _values.Add(value);
            }
        }

        public T? Single => _values.Count == 1 ? _values.First() : default;

        public string? Conflict => _values.Count > 1 ? $"{name} values ({string.Join(", ", _values)})" : null;

        public bool Uniform => _values.Count == 0 || (_values.Count == 1 && !_missing);
    }
}
