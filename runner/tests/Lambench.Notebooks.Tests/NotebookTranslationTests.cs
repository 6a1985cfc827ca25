namespace Lambench.Notebooks.Tests;

/// <summary>Prose in the chosen language, and an executed notebook whose relative paths work from where it is written.</summary>
public sealed class NotebookTranslationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-translation-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static readonly string Bilingual = """
        {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
         "cells": [
           {"cell_type": "markdown", "id": "a", "metadata": {"lambench": {"translations": {"pt-BR": ["## Latência\n", "Texto."]}}}, "source": "## Latency\nText."},
           {"cell_type": "code", "id": "b", "metadata": {}, "source": "1", "outputs": [], "execution_count": null},
           {"cell_type": "markdown", "id": "c", "metadata": {}, "source": "Only English."}
         ]}
        """;

    [Fact]
    public void Markdown_cells_take_their_translation_and_the_ones_without_are_listed()
    {
        var (notebook, untranslated) = NotebookDocument.Parse("x.ipynb", Bilingual).Translated("pt-BR");
        Assert.Equal(("## Latência\nTexto.", "pt-BR"), (notebook.Cells[0].Source, notebook.Language));
        Assert.Equal("Only English.", notebook.Cells[2].Source);
        Assert.Equal([3], untranslated);
        // The executed notebook is written in the language too.
        var json = System.Text.Json.Nodes.JsonNode.Parse(notebook.ToExecutedJson(new Dictionary<int, ExecutedCell>()))!;
        Assert.Equal("## Latência\n", (string)json["cells"]![0]!["source"]![0]!);

        var (english, none) = NotebookDocument.Parse("x.ipynb", Bilingual).Translated("en");
        Assert.Equal(("## Latency\nText.", "en"), (english.Cells[0].Source, english.Language));
        Assert.Empty(none);
    }

    [Fact]
    public void Relative_references_and_existing_parameter_paths_are_rebased_to_the_output_folder()
    {
        // notebooks/ and .lambench/bin/ side by side, as in the repository; the executed notebook goes to out/notebooks/.
        var notebooks = Directory.CreateDirectory(Path.Combine(_directory, "notebooks")).FullName;
        Directory.CreateDirectory(Path.Combine(_directory, "data", "sample"));
        var output = Path.Combine(_directory, "out", "notebooks");
        var code = "#r \"../.lambench/bin/Lambench.Core.dll\"\n#r \"nuget: Microsoft.Data.Analysis, 0.23.1\"\n#r \"/abs/x.dll\"\nvar n = \"not a path\";";
        Assert.Equal("#r \"../../.lambench/bin/Lambench.Core.dll\"\n#r \"nuget: Microsoft.Data.Analysis, 0.23.1\"\n#r \"/abs/x.dll\"\nvar n = \"not a path\";",
            NotebookPathRebaser.Rebase(code, notebooks, output, isParameters: false));

        // In the parameters cell, a literal that names an existing folder moves; one that names nothing stays.
        var parameters = "var data = \"../data/sample\";\nvar language = \"en\";\nvar other = \"../data/missing\";";
        Assert.Equal("var data = \"../../data/sample\";\nvar language = \"en\";\nvar other = \"../data/missing\";",
            NotebookPathRebaser.Rebase(parameters, notebooks, output, isParameters: true));
        // Outside the parameters cell, literals are code: left alone.
        Assert.Equal(parameters, NotebookPathRebaser.Rebase(parameters, notebooks, output, isParameters: false));
    }
}
