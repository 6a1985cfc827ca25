using Lambench.LocalPlatform.Template;
using Lambench.Tests.Shared;

namespace Lambench.LocalPlatform.Tests;

public sealed class TemplateReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-template-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Template => Path.Combine(RepositoryPaths.Root(), "infra", "template.yaml");

    [Fact]
    public void Reads_the_shipped_template_pairs_of_python_and_go_for_both_architectures()
    {
        var template = new TemplateReader().Read(Template);
        Assert.Equal(20, template.Functions.Count); // writer, reader, cpu, sleep, noop × python, go × arm64, x86_64
        foreach (var runtime in new[] { "python3.12", "provided.al2023" })
        {
            foreach (var architecture in new[] { "arm64", "x86_64" })
            {
                Assert.Equal(5, template.Functions.Count(f => f.Runtime == runtime && f.Architecture == architecture));
            }
        }

        // Same memory and timeout everywhere (the parameters' defaults), so configurations compare fairly.
        Assert.All(template.Functions, f => Assert.Equal((512, 30), (f.MemorySizeMb, f.TimeoutSeconds)));
        Assert.All(template.Functions, f => Assert.Equal("lambench-writes", f.Environment["TABLE_NAME"]));
        var writer = template.Functions.Single(f => f.FunctionName == "lambench-go-writer-arm64");
        Assert.Equal(("writer", "/aws/lambda/lambench-go-writer-arm64", true), (writer.Handler, writer.LogGroupName, writer.HasFunctionUrl));
        Assert.Equal(new SqsEventSource("GoWriterArm64Queue", 1, 2), Assert.Single(writer.SqsEvents));
        Assert.Equal(Path.Combine(RepositoryPaths.Root(), "infra", "functions", "go"), writer.CodeDirectory);
        Assert.Equal("handlers.cpu", template.Functions.Single(f => f.FunctionName == "lambench-python-cpu-x86_64").Handler);

        // The sleep functions' intake queues trigger up to the intake's MaximumConcurrency (5, the payment step's cap).
        var sleep = template.Functions.Single(f => f.FunctionName == "lambench-python-sleep-x86_64");
        Assert.Equal(new SqsEventSource("PythonSleepX86Queue", 1, 5), Assert.Single(sleep.SqsEvents));
        Assert.Equal(9, template.Queues.Count);
        var queue = template.Queues.Single(q => q.LogicalId == "PythonWriterX86Queue");
        Assert.Equal(new QueueDefinition("PythonWriterX86Queue", "lambench-python-writer-x86_64-writes", 180, "DeadLetterQueue", 3), queue);
        var table = Assert.Single(template.Tables);
        Assert.Equal(new TableDefinition("WritesTable", "lambench-writes", ("pk", "S"), ("sk", "N")), table);

        // One HTTP API, a POST route per function named as the function without the stack name, and its address as
        // the stack's output (AWS's, which the platform's DescribeStacks turns into its own).
        Assert.Equal(new HttpApiDefinition("LoadApi", "loadapi"), Assert.Single(template.HttpApis));
        Assert.Equal(new HttpApiRoute("LoadApi", "POST", "/python-sleep-x86_64"), Assert.Single(sleep.HttpApiRoutes));
        Assert.All(template.Functions, f => Assert.Equal("/" + f.FunctionName["lambench-".Length..], Assert.Single(f.HttpApiRoutes).Path));
        Assert.Equal("https://loadapi.execute-api.us-east-1.amazonaws.com", template.Outputs["LoadApiEndpoint"]);
        Assert.DoesNotContain("PythonSleepX86Url", template.Outputs.Keys); // a SAM-generated URL resource: not resolved here
    }

    [Fact]
    public void Parameter_overrides_and_the_stack_name_change_what_they_name()
    {
        var template = new TemplateReader("thesis", parameterOverrides: new Dictionary<string, string> { ["MemorySize"] = "1024" }).Read(Template);
        Assert.All(template.Functions, f => Assert.Equal(1024, f.MemorySizeMb));
        Assert.Contains(template.Functions, f => f.FunctionName == "thesis-python-noop-arm64");
        Assert.Equal("thesis-writes", template.Tables[0].TableName);
    }

    [Theory]
    [InlineData("Runtime: nodejs20.x", "F: Runtime nodejs20.x is not run locally: python3.x")]
    [InlineData("Runtime: python3.12\n      Environment: { Variables: { T: !Ref Missing } }", "F: Ref Missing: no parameter or resource of that name")]
    [InlineData("Runtime: python3.12\n      Timeout: soon", "F: Timeout must be a whole number, not 'soon'")]
    [InlineData("Runtime: python3.12\n      Architectures: [mips]", "F: architecture mips is neither arm64 nor x86_64")]
    [InlineData("Runtime: python3.12\n      Events: { A: { Type: Api, Properties: { Path: /a, Method: GET } } }", "F: event type Api is not run locally (SQS and HttpApi are)")]
    [InlineData("Runtime: python3.12\n      Events: { A: { Type: HttpApi, Properties: { Path: /a } } }", "F: an HttpApi event needs ApiId: !Ref <an AWS::Serverless::HttpApi of this template> locally")]
    [InlineData("Runtime: python3.12\n      Events: { A: { Type: HttpApi, Properties: { ApiId: !Ref Nope, Path: /a } } }", "F: its HttpApi event names Nope, which is not an AWS::Serverless::HttpApi of this template")]
    public void A_template_the_platform_cannot_use_names_file_line_resource_and_reason(string properties, string expected)
    {
        Directory.CreateDirectory(Path.Combine(_directory, "code"));
        var path = Path.Combine(_directory, "template.yaml");
        File.WriteAllText(path, $"""
            Resources:
              F:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: code
                  Handler: h.handler
                  {properties}
            """);
        var error = Assert.Throws<TemplateException>(() => new TemplateReader().Read(path));
        Assert.StartsWith(path + ":", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.True(error.Line >= 4, $"line {error.Line}");
    }

    [Fact]
    public void Missing_code_and_broken_yaml_are_refused()
    {
        var path = Path.Combine(_directory, "template.yaml");
        File.WriteAllText(path, "Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: nowhere\n      Handler: h.h\n      Runtime: python3.12\n");
        Assert.Contains("F: CodeUri nowhere is not a folder next to the template", Assert.Throws<TemplateException>(() => new TemplateReader().Read(path)).Message);
        File.WriteAllText(path, "Resources: [\n");
        Assert.Contains("not valid YAML", Assert.Throws<TemplateException>(() => new TemplateReader().Read(path)).Message);
    }
}
