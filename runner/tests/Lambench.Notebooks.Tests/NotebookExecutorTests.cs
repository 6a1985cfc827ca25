using System.Globalization;

namespace Lambench.Notebooks.Tests;

// Console.Out and the current directory are process-wide: the executor serialises itself, and these tests run in one
// collection so no other test observes the switch.
[Collection("notebook execution")]
public sealed class NotebookExecutorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-notebook-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<NotebookExecution> Run(params (string Kind, string Source)[] cells) =>
        await new NotebookExecutor().ExecuteAsync(NotebookDocument.Read(TestNotebook.Write(_directory, "t", cells)));

    private static string Text(CellOutput output) => output.StreamText ?? output.Data["text/plain"];

    [Fact]
    public async Task State_carries_from_cell_to_cell_and_the_last_expression_is_the_result()
    {
        var run = await Run(("md", "# Title"), ("cs", "var x = 20;"), ("cs", "x + 1"), ("cs", "var y = x * 2;"));
        Assert.Equal([2, 3, 4], run.Cells.Keys.Order());
        Assert.Empty(run.Cells[2].Outputs);
        var result = Assert.Single(run.Cells[3].Outputs);
        Assert.Equal(CellOutput.ExecuteResult, result.OutputType);
        Assert.Equal("21", Text(result));
        Assert.Equal(2, result.ExecutionCount);
        Assert.Empty(run.Cells[4].Outputs); // a statement, not an expression: nothing shown
    }

    [Fact]
    public async Task Console_output_and_displays_keep_their_order()
    {
        var run = await Run(("cs", "Console.WriteLine(\"before\"); display(\"shown\"); Console.Write(\"after\"); display(HTML(\"<b>bold</b>\"))"));
        var outputs = run.Cells[1].Outputs;
        Assert.Equal(4, outputs.Count);
        Assert.Equal(("stream", "before\n"), (outputs[0].OutputType, outputs[0].StreamText));
        Assert.Equal(("display_data", "shown"), (outputs[1].OutputType, Text(outputs[1])));
        Assert.Equal("after", outputs[2].StreamText);
        Assert.Equal("<b>bold</b>", outputs[3].Data["text/html"]); // display(...) as the last expression is not shown twice
    }

    [Fact]
    public async Task Numbers_are_shown_in_the_invariant_culture_whatever_the_machines()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("pt-BR");
        try
        {
            var run = await Run(("cs", "1234.5"), ("cs", "$\"{1234.5:N1}\""));
            Assert.Equal("1234.5", Text(run.Cells[1].Outputs[0]));
            Assert.Equal("1,234.5", Text(run.Cells[2].Outputs[0]));
            Assert.Equal("pt-BR", CultureInfo.CurrentCulture.Name); // restored afterwards
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task A_compile_error_names_the_cell_line_and_compiler_message()
    {
        var error = await Assert.ThrowsAsync<NotebookCellException>(() => Run(("md", "# T"), ("cs", "var a = 1;"), ("cs", "var b = 2;\nvar c = undefinedName + 1;")));
        Assert.Equal(3, error.CellNumber);
        Assert.Contains("line 2, column 9: error CS0103", error.Message);
        Assert.Contains("undefinedName", error.Message);
        Assert.StartsWith(Path.Combine(_directory, "t.ipynb") + ": cell 3:", error.Message);
    }

    [Fact]
    public async Task A_runtime_error_names_the_cell_line_and_exception()
    {
        var error = await Assert.ThrowsAsync<NotebookCellException>(() => Run(("cs", "var list = new List<int>();\n\nvar first = list[3];")));
        Assert.Equal(1, error.CellNumber);
        Assert.Contains("line 3: System.ArgumentOutOfRangeException", error.Message);
    }

    [Fact]
    public async Task Nuget_references_are_served_from_the_solutions_packages()
    {
        var run = await Run(("cs", "#r \"nuget: Microsoft.Data.Analysis, 0.23.1\"\nusing Microsoft.Data.Analysis;\nnew DataFrame(new DoubleDataFrameColumn(\"x_ms\", new double?[] { 1.5, null }))"));
        var output = Assert.Single(run.Cells[1].Outputs);
        Assert.Contains("<th>x_ms</th>", output.Data["text/html"]);
        Assert.Contains("<td class=\"num\">1.5</td>", output.Data["text/html"]);
        Assert.Contains("<td></td>", output.Data["text/html"]); // null stays empty, not 0
        Assert.Equal("DataFrame: 2 rows × 1 columns", output.Data["text/plain"]);
        Assert.Empty(run.Warnings);
    }

    [Fact]
    public async Task A_different_package_version_is_a_warning_and_an_unknown_package_an_error()
    {
        var run = await Run(("cs", "#r \"nuget: MathNet.Numerics, 4.0.0\"\nMathNet.Numerics.Statistics.Statistics.Median(new[] { 3.0, 1.0, 2.0 })"));
        Assert.Equal("2", Text(run.Cells[1].Outputs[0]));
        Assert.Contains("cell 1: #r asks for MathNet.Numerics 4.0.0; the solution's 5.0.0 is used", Assert.Single(run.Warnings));

        var error = await Assert.ThrowsAsync<NotebookCellException>(() => Run(("cs", "// x\n#r \"nuget: Newtonsoft.Json, 13.0.1\"")));
        Assert.Contains("cell 1: line 2: package 'Newtonsoft.Json' is not one the solution references; a notebook can use Microsoft.Data.Analysis", error.Message);
    }

    [Fact]
    public async Task Lambench_assemblies_referenced_by_any_path_are_the_renderers_own()
    {
        var run = await Run(("cs", "#r \"../nowhere/Lambench.Core.dll\"\n#r \"../nowhere/Lambench.Analysis.dll\"\nnew Lambench.Core.Cost.InitBillingRule { AllOnDemandZipFrom = new DateOnly(2025, 8, 1) }.BilledDurationMs(1.1, 2.9, \"python3.12\", new DateOnly(2025, 8, 1))"));
        Assert.Equal("4", Text(run.Cells[1].Outputs[0])); // ceil(1.1 + 2.9) in decimal arithmetic, by hand
    }

    [Fact]
    public async Task A_missing_assembly_file_and_magic_commands_are_refused()
    {
        var missing = await Assert.ThrowsAsync<NotebookCellException>(() => Run(("cs", "#r \"lib/Other.dll\"")));
        Assert.Contains($"#r: {Path.Combine(_directory, "lib", "Other.dll")} does not exist", missing.Message);
        var magic = await Assert.ThrowsAsync<NotebookCellException>(() => Run(("cs", "#!time\n1")));
        Assert.Contains("'#!time' is a Polyglot magic command", magic.Message);
        var fsharp = await Assert.ThrowsAsync<NotebookCellException>(() => Run(("cs", "1"), ("fsharp", "let x = 1")));
        Assert.Equal(2, fsharp.CellNumber);
        Assert.Contains("kernel is 'fsharp'", fsharp.Message);
    }

    [Fact]
    public async Task Parameters_are_assigned_after_the_parameters_cell()
    {
        var path = TestNotebook.Write(_directory, "p", ("cs:parameters", "var data = \"default\";\nvar count = 1L;"), ("cs", "$\"{data} {count * 2}\""));
        var run = await new NotebookExecutor().ExecuteAsync(NotebookDocument.Read(path), new Dictionary<string, string> { ["data"] = "a \"quoted\" path\\x", ["count"] = "21" });
        Assert.Equal("a \"quoted\" path\\x 42", Text(run.Cells[2].Outputs[0]));

        var noCell = TestNotebook.Write(_directory, "n", ("cs", "1"));
        var error = await Assert.ThrowsAsync<NotebookFormatException>(() => new NotebookExecutor().ExecuteAsync(NotebookDocument.Read(noCell), new Dictionary<string, string> { ["data"] = "x" }));
        Assert.Contains("no cell is tagged \"parameters\"", error.Message);
    }

    [Fact]
    public async Task Cells_run_in_the_notebooks_folder_and_the_current_directory_is_restored()
    {
        var before = Environment.CurrentDirectory;
        File.WriteAllText(Path.Combine(_directory, "beside.txt"), "found");
        var run = await Run(("cs", "System.IO.File.ReadAllText(\"beside.txt\")"));
        Assert.Equal("found", Text(run.Cells[1].Outputs[0]));
        Assert.Equal(before, Environment.CurrentDirectory);
    }
}
