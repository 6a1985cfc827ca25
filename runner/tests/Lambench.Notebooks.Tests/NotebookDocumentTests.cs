namespace Lambench.Notebooks.Tests;

public sealed class NotebookDocumentTests
{
    [Theory]
    [InlineData("{\"cells\": [,]}", "x.ipynb: line 1: not valid JSON")]
    [InlineData("{\"nbformat\": 3, \"cells\": []}", "x.ipynb: nbformat is 3; only nbformat 4 notebooks can be rendered")]
    [InlineData("{\"nbformat\": 4}", "x.ipynb: no \"cells\" array")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"markdown\", \"source\": \"a\"}, {\"cell_type\": \"heading\", \"source\": \"\"}]}", "x.ipynb: cell 2: cell_type is 'heading'")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\"}]}", "x.ipynb: cell 1: source is missing or not text")]
    public void A_file_that_is_not_a_usable_notebook_is_refused_with_the_reason(string json, string expected)
    {
        var error = Assert.Throws<NotebookFormatException>(() => NotebookDocument.Parse("x.ipynb", json));
        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void Kernels_come_from_the_cell_then_the_notebook_and_sources_join_their_lines()
    {
        var notebook = NotebookDocument.Parse("x.ipynb", """
            {"nbformat": 4, "nbformat_minor": 5,
             "metadata": {"polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp"}}},
             "cells": [
               {"cell_type": "code", "id": "a", "metadata": {}, "source": ["var x = 1;\r\n", "x"], "outputs": [], "execution_count": null},
               {"cell_type": "code", "id": "b", "metadata": {"dotnet_interactive": {"language": "pwsh"}}, "source": "ls", "outputs": [], "execution_count": null},
               {"cell_type": "markdown", "id": "c", "metadata": {}, "source": "# T"}
             ]}
            """);
        Assert.Equal(["csharp", "pwsh", "markdown"], notebook.Cells.Select(c => c.Kernel));
        Assert.Equal("var x = 1;\nx", notebook.Cells[0].Source);
    }

    [Fact]
    public void The_executed_notebook_keeps_metadata_and_fills_outputs_as_nbformat_lines()
    {
        var notebook = NotebookDocument.Parse("x.ipynb", """
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {"custom": 1},
             "cells": [{"cell_type": "code", "id": "a", "metadata": {}, "source": "1", "outputs": [{"output_type": "stream", "name": "stdout", "text": "stale"}], "execution_count": 9},
                       {"cell_type": "code", "id": "b", "metadata": {}, "source": "2", "outputs": [], "execution_count": null}]}
            """);
        var output = new CellOutput(CellOutput.ExecuteResult, new Dictionary<string, string> { ["text/plain"] = "a\nb", ["image/png"] = "AAAA" }, null, 1);
        var json = System.Text.Json.Nodes.JsonNode.Parse(notebook.ToExecutedJson(
            new Dictionary<int, ExecutedCell> { [1] = new(notebook.Cells[0], 1, [output]) },
            new Dictionary<string, string> { ["data"] = "/runs/r1" }))!;
        Assert.Equal(1, (int)json["metadata"]!["custom"]!);
        Assert.Equal("/runs/r1", (string)json["metadata"]!["lambench"]!["parameters"]!["data"]!);
        var first = json["cells"]![0]!;
        Assert.Equal(1, (int)first["execution_count"]!);
        Assert.Equal("""{"output_type":"execute_result","data":{"text/plain":["a\n","b"],"image/png":"AAAA"},"metadata":{},"execution_count":1}""", first["outputs"]![0]!.ToJsonString());
        var second = json["cells"]![1]!;
        Assert.Null(second["execution_count"]);
        Assert.Empty(second["outputs"]!.AsArray()); // not executed: no stale outputs either
    }
}
