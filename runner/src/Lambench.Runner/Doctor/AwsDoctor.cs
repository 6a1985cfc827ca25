using Lambench.Core.Text;
using Lambench.Runner.Aws;

namespace Lambench.Runner.Doctor;

/// <summary>
/// Checks that an AWS account can run an experiment, before anything is created or billed: the region, whose
/// credentials these are, configured endpoint overrides, the stack and whether it was deployed from this checkout's
/// template, every expected function Active with its architecture and runtime, the log groups, and permission to read
/// logs and metrics. Each check is one <see cref="DoctorCheck"/>; a failed one means the run would fail.
/// </summary>
public sealed class AwsDoctor(AwsAccountClients clients, TimeProvider? time = null)
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    /// <summary>The region check alone (no call): a region name of AWS's form that the SDK knows, or a failure.</summary>
    public static DoctorCheck CheckRegion(string? region, string source)
    {
        if (region is null)
        {
            return DoctorCheck.Failed("region", "none set: pass --region, set AWS_REGION, or give the profile a region (aws configure set region sa-east-1)");
        }

        if (!Lambench.Core.Cost.AwsRegionName.IsWellFormed(region))
        {
            return DoctorCheck.Failed("region", $"'{Excerpt.Of(region)}' is not a region name (such as us-east-1 or sa-east-1)");
        }

        return Amazon.RegionEndpoint.EnumerableAllRegions.Any(r => r.SystemName == region)
            ? DoctorCheck.Ok("region", $"{region} ({source})")
            : DoctorCheck.Warning("region", $"{region} ({source}) is not a region this SDK knows; calls may fail if it does not exist");
    }

    /// <summary>Credentials and account only: what `deploy` needs before it builds anything.</summary>
    public async Task<IReadOnlyList<DoctorCheck>> CheckAccountAsync(CancellationToken cancellation = default)
    {
        var checks = new List<DoctorCheck>();
        if (EndpointCheck() is { } endpoints)
        {
            checks.Add(endpoints);
        }

        checks.Add(await CredentialsAsync(cancellation));
        return checks;
    }

    /// <summary>Every check: the account, then (when the credentials work) the stack, functions, log groups and read permissions.</summary>
    public async Task<IReadOnlyList<DoctorCheck>> CheckAllAsync(ExpectedDeployment expected, CancellationToken cancellation = default)
    {
        var checks = new List<DoctorCheck>(await CheckAccountAsync(cancellation));
        if (checks.Any(c => c.Outcome == CheckOutcome.Failed))
        {
            return checks;
        }

        checks.Add(await Guarded("stack", () => StackAsync(expected, cancellation), cancellation));
        if (checks[^1].Outcome == CheckOutcome.Failed)
        {
            return checks; // without the stack, every function and log group would fail too: one line says it
        }

        checks.AddRange(await new FunctionChecks(clients.Lambda).CheckAsync(expected.Functions, cancellation));
        checks.Add(await Guarded("log groups", () => LogGroupsAsync(expected, cancellation), cancellation));
        checks.Add(await Guarded("read logs", () => ReadLogsAsync(expected, cancellation), cancellation));
        checks.Add(await Guarded("read metrics", () => ReadMetricsAsync(expected, cancellation), cancellation));
        return checks;
    }

    /// <summary>A check whose service did not answer (network, timeout) fails with that reason instead of stopping the rest.</summary>
    internal static async Task<DoctorCheck> Guarded(string name, Func<Task<DoctorCheck>> check, CancellationToken cancellation)
    {
        try
        {
            return await check();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellation.IsCancellationRequested)
        {
            return DoctorCheck.Failed(name, $"no answer: {Excerpt.Of(e.Message)}");
        }
    }

    private static DoctorCheck? EndpointCheck()
    {
        var overridden = new[] { "lambda", "logs", "monitoring", "sts", "cloudformation" }
            .Select(service => (service, url: ConfiguredEndpoints.For(service)))
            .Where(s => s.url is not null)
            .ToList();
        return overridden.Count == 0
            ? null
            : DoctorCheck.Warning("endpoints", $"overridden ({string.Join(", ", overridden.Select(s => $"{s.service} → {s.url}"))}): this is not AWS itself, and its figures are not AWS figures");
    }

    private async Task<DoctorCheck> CredentialsAsync(CancellationToken cancellation)
    {
        try
        {
            var identity = await clients.Identity.GetCallerIdentityAsync(cancellation);
            return DoctorCheck.Ok("credentials", $"account {identity.Account} as {identity.Arn}");
        }
        catch (AwsServiceException e) when (e.ErrorType == "NoCredentials")
        {
            return DoctorCheck.Failed("credentials", e.Message);
        }
        catch (AwsServiceException e) when (e.ErrorType is "InvalidClientTokenId" or "SignatureDoesNotMatch" or "ExpiredToken" or "ExpiredTokenException" or "UnrecognizedClientException")
        {
            return DoctorCheck.Failed("credentials", $"AWS refused them ({e.ErrorType}): renew them (aws sso login, or new access keys) and try again");
        }
        catch (Exception e) when (e is AwsServiceException or HttpRequestException or TaskCanceledException && !cancellation.IsCancellationRequested)
        {
            // A timeout's own message already says what to check.
            var advice = e is AwsServiceException { ErrorType: "Timeout" or "Unreachable" } ? string.Empty : " (check the network, the region and any endpoint override)";
            return DoctorCheck.Failed("credentials", $"STS did not answer GetCallerIdentity: {Excerpt.Of(e.Message)}{advice}");
        }
    }

    private async Task<DoctorCheck> StackAsync(ExpectedDeployment expected, CancellationToken cancellation)
    {
        StackDescription? stack;
        try
        {
            stack = await clients.Stacks.DescribeStackAsync(expected.StackName, cancellation);
        }
        catch (AwsServiceException e)
        {
            return DoctorCheck.Failed("stack", $"DescribeStacks failed: {Excerpt.Of(e.Message)} (the credentials need cloudformation:DescribeStacks)");
        }

        if (stack is null)
        {
            return DoctorCheck.Failed("stack", $"no stack {expected.StackName} in {clients.Region}: deploy it with lambench deploy --stack {expected.StackName} --region {clients.Region}");
        }

        if (!stack.IsUsable)
        {
            return DoctorCheck.Failed("stack", $"{stack.Name} is {stack.Status}: wait for it to finish, or delete it and deploy again");
        }

        if (!stack.Tags.TryGetValue(TemplateHash.TagKey, out var deployedHash))
        {
            return DoctorCheck.Warning("stack", $"{stack.Name} is {stack.Status}, but has no {TemplateHash.TagKey} tag: it was not deployed by lambench deploy, so whether it matches this checkout's template is unknown");
        }

        return deployedHash == expected.TemplateSha256
            ? DoctorCheck.Ok("stack", $"{stack.Name} is {stack.Status}, deployed from this checkout's template")
            : DoctorCheck.Warning("stack", $"{stack.Name} was deployed from another version of the template ({deployedHash[..Math.Min(12, deployedHash.Length)]}…, here {expected.TemplateSha256[..12]}…): lambench deploy again before measuring");
    }

    private async Task<DoctorCheck> LogGroupsAsync(ExpectedDeployment expected, CancellationToken cancellation)
    {
        try
        {
            var present = (await clients.Logs.DescribeLogGroupNamesAsync($"/aws/lambda/{expected.StackName}-", cancellation)).ToHashSet(StringComparer.Ordinal);
            var missing = expected.Functions.Select(f => $"/aws/lambda/{f.Name}").Where(g => !present.Contains(g)).ToList();
            return missing.Count == 0
                ? DoctorCheck.Ok("log groups", $"{expected.Functions.Count} present")
                : DoctorCheck.Failed("log groups", $"{missing.Count} missing ({string.Join(", ", missing.Take(3))}{(missing.Count > 3 ? ", …" : string.Empty)}): the template creates them; deploy again");
        }
        catch (AwsServiceException e)
        {
            return DoctorCheck.Failed("log groups", $"DescribeLogGroups failed: {Excerpt.Of(e.Message)} (the credentials need logs:DescribeLogGroups)");
        }
    }

    private async Task<DoctorCheck> ReadLogsAsync(ExpectedDeployment expected, CancellationToken cancellation)
    {
        if (expected.Functions.Count == 0)
        {
            return DoctorCheck.Ok("read logs", "no function to read");
        }

        var group = $"/aws/lambda/{expected.Functions[0].Name}";
        try
        {
            // The last minute only: a permission check, not a download.
            await clients.Logs.FilterLogEventsAsync(group, null, clock.GetUtcNow().AddMinutes(-1).ToUnixTimeMilliseconds(), cancellation);
            return DoctorCheck.Ok("read logs", "FilterLogEvents allowed");
        }
        catch (AwsServiceException e) when (e.ErrorType == "ResourceNotFoundException")
        {
            return DoctorCheck.Failed("read logs", $"{group} does not exist");
        }
        catch (AwsServiceException e)
        {
            return DoctorCheck.Failed("read logs", $"FilterLogEvents refused: {Excerpt.Of(e.Message)} (the credentials need logs:FilterLogEvents, logs:StartQuery and logs:GetQueryResults)");
        }
    }

    private async Task<DoctorCheck> ReadMetricsAsync(ExpectedDeployment expected, CancellationToken cancellation)
    {
        if (expected.Functions.Count == 0)
        {
            return DoctorCheck.Ok("read metrics", "no function to read");
        }

        var now = clock.GetUtcNow();
        try
        {
            await clients.Metrics.LambdaMetricSumAsync(expected.Functions[0].Name, "Throttles", now.AddMinutes(-5), now, cancellation);
            return DoctorCheck.Ok("read metrics", "GetMetricStatistics allowed (throttles are counted from it)");
        }
        catch (AwsServiceException e)
        {
            return DoctorCheck.Failed("read metrics", $"GetMetricStatistics refused: {Excerpt.Of(e.Message)} (the credentials need cloudwatch:GetMetricStatistics)");
        }
    }
}
