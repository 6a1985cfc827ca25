using Microsoft.CodeAnalysis;

namespace Lambench.Notebooks;

/// <summary>A cell's C# with its directives blanked out, the references they asked for, and warnings about them.</summary>
public sealed record PreparedCell(string Code, IReadOnlyList<MetadataReference> References, IReadOnlyList<string> Warnings);
