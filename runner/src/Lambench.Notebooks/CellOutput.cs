using System.Text.Json.Nodes;

namespace Lambench.Notebooks;

/// <summary>
/// One output of a code cell in nbformat 4 terms: a stdout stream, a display_data, or an execute_result (a cell's last
/// expression). <see cref="Data"/> maps MIME types to content; image/png is base64.
/// </summary>
public sealed record CellOutput(string OutputType, IReadOnlyDictionary<string, string> Data, string? StreamText = null, int? ExecutionCount = null)
{
    public const string Stream = "stream";
    public const string DisplayData = "display_data";
    public const string ExecuteResult = "execute_result";

    public static CellOutput StandardOutput(string text) => new(Stream, new Dictionary<string, string>(), text);

    public JsonObject ToJson()
    {
        if (OutputType == Stream)
        {
            return new JsonObject { ["output_type"] = Stream, ["name"] = "stdout", ["text"] = Lines(StreamText ?? string.Empty) };
        }

        var data = new JsonObject();
        foreach (var (mime, content) in Data)
        {
            // Text is stored as a list of lines, as Jupyter writes it; base64 images as one string.
            data[mime] = mime.StartsWith("image/", StringComparison.Ordinal) && mime != "image/svg+xml" ? JsonValue.Create(content) : Lines(content);
        }

        var output = new JsonObject { ["output_type"] = OutputType, ["data"] = data, ["metadata"] = new JsonObject() };
        if (OutputType == ExecuteResult)
        {
            output["execution_count"] = ExecutionCount;
        }

        return output;
    }

    private static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }
}
