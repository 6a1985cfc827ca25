using System.Text.Json.Nodes;
using Lambench.Runner.Specs;

namespace Lambench.Runner.Execution;

/// <summary>The event a batch is sent as: {batch_id, label, repetition, round, ...the workload's parameters}, which the functions log back.</summary>
public static class BatchPayload
{
    public static JsonObject Create(BatchSpec batch, string batchId, int? repetition, int round = 1)
    {
        var payload = new JsonObject { ["batch_id"] = batchId, ["label"] = batch.Label, ["repetition"] = repetition, ["round"] = round };
        foreach (var (key, value) in batch.Parameters)
        {
            payload[key] = value switch
            {
                long number => JsonValue.Create(number),
                int number => JsonValue.Create(number),
                string text => JsonValue.Create(text),
                _ => throw new InvalidOperationException($"batch parameter {key} is a {value.GetType().Name}"),
            };
        }

        return payload;
    }
}
