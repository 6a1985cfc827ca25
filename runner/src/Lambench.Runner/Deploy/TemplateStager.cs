using System.Text.RegularExpressions;

namespace Lambench.Runner.Deploy;

/// <summary>
/// Prepares infra/template.yaml for `aws cloudformation package` where the SAM CLI is missing: what `sam build` does
/// for this template. Each Go function's CodeUri becomes a folder holding its bootstrap, built for the architecture
/// its logical id names (GoWriterArm64, GoCpuX86: the Makefile's rule), and the Python CodeUri an absolute path. The
/// rest of the template is copied line for line, so intrinsic tags (!Sub, !Ref) are untouched.
/// </summary>
public static partial class TemplateStager
{
    /// <summary>Writes the staged template into <paramref name="directory"/> and returns its path.</summary>
    /// <param name="buildGo">builds a bootstrap: (GOARCH amd64 or arm64, output file).</param>
    /// <exception cref="InvalidDataException">a Go function whose logical id names no architecture, or a CodeUri that is not a folder.</exception>
    public static async Task<string> StageAsync(string templatePath, string directory, Func<string, string, CancellationToken, Task> buildGo, CancellationToken cancellation = default)
    {
        var templateDirectory = Path.GetDirectoryName(Path.GetFullPath(templatePath))!;
        Directory.CreateDirectory(directory);
        var lines = await File.ReadAllLinesAsync(templatePath, cancellation);
        var built = new Dictionary<string, string>(StringComparer.Ordinal);
        string? resource = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (ResourceKey().Match(lines[i]) is { Success: true } key)
            {
                resource = key.Groups["id"].Value;
                continue;
            }

            if (CodeUri().Match(lines[i]) is not { Success: true } code)
            {
                continue;
            }

            var uri = code.Groups["uri"].Value;
            var source = Path.GetFullPath(Path.Combine(templateDirectory, uri));
            if (!Directory.Exists(source))
            {
                throw new InvalidDataException($"{templatePath}:{i + 1}: {resource}: CodeUri {uri} is not a folder next to the template");
            }

            string target;
            if (File.Exists(Path.Combine(source, "go.mod")))
            {
                var architecture = resource is not null && resource.EndsWith("Arm64", StringComparison.Ordinal) ? "arm64"
                    : resource is not null && resource.EndsWith("X86", StringComparison.Ordinal) ? "amd64"
                    : throw new InvalidDataException($"{templatePath}:{i + 1}: {resource}: a Go function's logical id must end in Arm64 or X86 (it chooses the build)");
                if (!built.TryGetValue(architecture, out var folder))
                {
                    folder = Path.Combine(Path.GetFullPath(directory), "go-" + architecture);
                    Directory.CreateDirectory(folder);
                    await buildGo(architecture, Path.Combine(folder, "bootstrap"), cancellation);
                    built[architecture] = folder;
                }

                target = folder;
            }
            else
            {
                target = source;
            }

            lines[i] = $"{code.Groups["indent"].Value}CodeUri: {target}";
        }

        var staged = Path.Combine(directory, "template.yaml");
        await File.WriteAllLinesAsync(staged, lines, cancellation);
        return staged;
    }

    [GeneratedRegex(@"^  (?<id>[A-Za-z0-9]+):\s*$")]
    private static partial Regex ResourceKey();

    [GeneratedRegex(@"^(?<indent>\s+)CodeUri:\s*(?<uri>[^\s#]+)\s*$")]
    private static partial Regex CodeUri();
}
