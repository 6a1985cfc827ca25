using System.Diagnostics;
using System.Text.Json;
using Lambench.Core.Cost;
using Lambench.Core.Vocabulary;
using Lambench.Core.Workflows;
using Lambench.Tests.Shared;

namespace Lambench.Analysis.Tests.Costs;

/// <summary>
/// The shipped architecture priced by an independent Python reading of the same two YAML files (workflow_cost.py,
/// Debian's python3-yaml), service by service, in both regions: the model and the files must say the same thing to
/// anyone who prices them from the rules the README states.
/// </summary>
[Trait("Tier", "system")]
public sealed class WorkflowCostPythonTests
{
    [Theory]
    [InlineData("us-east-1")]
    [InlineData("sa-east-1")]
    public void Every_service_costs_what_an_independent_reading_of_the_yaml_gives(string region)
    {
        var root = RepositoryPaths.Root();
        var architecture = Path.Combine(root, "architectures", "finops-workflow.yaml");
        var cost = new WorkflowCostModel(PriceCatalogLoader.LoadForRegion(region)).Price(new WorkflowSpecReader().Read(architecture));

        var python = Python(architecture, Path.Combine(root, "data", "prices", region + ".yaml"));

        Assert.Equal(python.Keys.Order(), cost.ByService.Select(s => s.Service.Name()).Order());
        foreach (var (service, usd) in cost.ByService)
        {
            Assert.Equal(python[service.Name()], (double)usd, 9);
        }
    }

    private static Dictionary<string, double> Python(string architecture, string prices)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root(), "runner", "tests", "Lambench.Analysis.Tests", "Costs", "workflow_cost.py"));
        start.ArgumentList.Add(architecture);
        start.ArgumentList.Add(prices);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "python3 with PyYAML (apt-get install python3-yaml): " + error);
        return JsonSerializer.Deserialize<Dictionary<string, double>>(output)!;
    }
}
