using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Lambench.Notebooks;

/// <summary>
/// The lines of a Polyglot C# cell that are not C#: <c>#r "nuget: Id, Version"</c> (served from the packages the
/// solution already references), <c>#r "path.dll"</c> (Lambench's own assemblies are the ones the renderer runs, so
/// the notebook and <c>lambench report</c> compute with the same code), <c>#i</c> and <c>#!csharp</c>. They become
/// blank lines, so compiler errors keep the cell's line numbers.
/// </summary>
public static partial class CellDirectives
{
    /// <summary>NuGet packages a notebook may #r: those the solution references, by package id.</summary>
    public static readonly IReadOnlyDictionary<string, Assembly> Packages = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase)
    {
        ["Microsoft.Data.Analysis"] = typeof(Microsoft.Data.Analysis.DataFrame).Assembly,
        ["Plotly.NET"] = typeof(Plotly.NET.GenericChart).Assembly,
        ["Plotly.NET.CSharp"] = typeof(Plotly.NET.CSharp.Chart).Assembly,
        ["MathNet.Numerics"] = typeof(MathNet.Numerics.Statistics.Statistics).Assembly,
        ["CsvHelper"] = typeof(CsvHelper.CsvReader).Assembly,
        ["YamlDotNet"] = typeof(YamlDotNet.Serialization.Deserializer).Assembly,
    };

    /// <summary>Lambench's assemblies by file name: a #r of any copy of them (say ../.lambench/bin) uses the loaded one.</summary>
    public static readonly IReadOnlyDictionary<string, Assembly> LambenchAssemblies = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase)
    {
        ["Lambench.Core.dll"] = typeof(Lambench.Core.Records.InvocationRecord).Assembly,
        ["Lambench.Analysis.dll"] = typeof(Lambench.Analysis.Tables.ReportTable).Assembly,
    };

    /// <summary>Splits the cell into C# and references; warnings say where a requested version differs from the one used.</summary>
    /// <exception cref="NotebookCellException">a directive the renderer cannot honour.</exception>
    public static PreparedCell Prepare(string notebookPath, NotebookCell cell)
    {
        var code = new StringBuilder();
        var references = new List<MetadataReference>();
        var warnings = new List<string>();
        var directory = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        var lines = cell.Source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            string Fail(string reason) => throw new NotebookCellException(notebookPath, cell.Number, $"line {i + 1}: {reason}");
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                if (line is not ("#!csharp" or "#!c#" or "#!C#"))
                {
                    Fail($"'{line}' is a Polyglot magic command; the renderer runs C# cells only (with #r for references)");
                }
            }
            else if (line.StartsWith("#i ", StringComparison.Ordinal))
            {
                // A package source: packages come from the solution, so there is nothing to add.
            }
            else if (line.StartsWith("#load", StringComparison.Ordinal))
            {
                Fail("#load is not supported: put shared code in the library (runner/src/Lambench.Analysis)");
            }
            else if (line.StartsWith("#r ", StringComparison.Ordinal))
            {
                var match = ReferenceDirective().Match(line);
                if (!match.Success)
                {
                    Fail($"cannot read '{line}': expected #r \"nuget: Id, Version\" or #r \"path/to/assembly.dll\"");
                }

                var target = match.Groups[1].Value.Trim();
                if (target.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
                {
                    var parts = target["nuget:".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    if (parts.Length == 0 || !Packages.TryGetValue(parts[0], out var package))
                    {
                        Fail($"package '{(parts.Length > 0 ? parts[0] : string.Empty)}' is not one the solution references; a notebook can use {string.Join(", ", Packages.Keys)}");
                        continue;
                    }

                    var used = package.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? package.GetName().Version?.ToString() ?? "?";
                    if (parts.Length > 1 && parts[1] != used)
                    {
                        warnings.Add($"cell {cell.Number}: #r asks for {parts[0]} {parts[1]}; the solution's {used} is used");
                    }

                    references.Add(MetadataReference.CreateFromFile(package.Location));
                }
                else if (LambenchAssemblies.TryGetValue(Path.GetFileName(target), out var lambench))
                {
                    references.Add(MetadataReference.CreateFromFile(lambench.Location));
                }
                else
                {
                    var file = Path.GetFullPath(Path.Combine(directory, target));
                    if (!File.Exists(file))
                    {
                        Fail($"#r: {file} does not exist");
                    }

                    references.Add(MetadataReference.CreateFromFile(file));
                }
            }
            else
            {
                code.Append(lines[i]);
            }

            code.Append('\n');
        }

        return new PreparedCell(code.ToString(), references, warnings);
    }

    [GeneratedRegex("""^#r\s+"([^"]+)"\s*(//.*)?$""")]
    private static partial Regex ReferenceDirective();
}
