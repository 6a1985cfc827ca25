using System.Diagnostics;
using Lambench.Core.Metrics;

namespace Lambench.Core.Tests.Metrics;

/// <summary>The units EMF accepts are CloudWatch's StandardUnit, as botocore's cloudwatch model (AWS's own) lists them.</summary>
[Trait("Tier", "system")] // runs Python
public sealed class CloudWatchUnitsTests
{
    [Fact]
    public void The_units_are_those_of_botocore_cloudwatch_model()
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-c", "import botocore.session; print('\\n'.join(botocore.session.get_session().get_service_model('cloudwatch').shape_for('StandardUnit').enum))" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"Debian python3 with botocore is needed (.ci/run installs python3-boto3): {error}");
        Assert.Equal(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal), EmbeddedMetricFormat.Units.Order(StringComparer.Ordinal));
    }
}
