using System.Globalization;
using Lambench.Core.Records;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Lambench.Core.Cost;

/// <summary>
/// Loads data/prices/&lt;region&gt;.yaml, with an optional override file holding only the keys to change, and checks
/// that every figure the cost model needs is there and sensible.
/// </summary>
public static class PriceCatalogLoader
{
    public const string DefaultRegion = "us-east-1";

    /// <summary>The price files shipped beside the binaries (copied from data/prices at build time).</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "prices");

    /// <summary>
    /// The pricing policy of run, report and the scripts: the region's own file; where data/prices keeps none, us-east-1's
    /// figures stand in, every one of them unconfirmed for that region (tables and figures say so) instead of refusing.
    /// </summary>
    /// <exception cref="PriceCatalogException">a region name that is not of AWS's form, or a price file that cannot be read.</exception>
    public static PriceCatalog LoadForRegion(string region, string? overridePath = null, string? directory = null)
    {
        directory ??= DefaultDirectory;
        if (File.Exists(Path.Combine(directory, region + ".yaml")) || overridePath is not null && region == DefaultRegion)
        {
            return Load(region, overridePath, directory);
        }

        if (!AwsRegionName.IsWellFormed(region))
        {
            throw new PriceCatalogException($"'{(region.Length > 40 ? region[..40] + "…" : region)}' is not a region name (such as us-east-1 or sa-east-1)");
        }

        var standIn = Load(DefaultRegion, overridePath, directory);
        standIn.StandInFor = region;
        standIn.Origin += $" (standing in for {region}, which has no price file)";
        return standIn;
    }

    public static PriceCatalog Load(string region = DefaultRegion, string? overridePath = null, string? directory = null)
    {
        directory ??= DefaultDirectory;
        var regionPath = Path.Combine(directory, region + ".yaml");
        var origin = directory == DefaultDirectory ? $"data/prices/{region}.yaml" : regionPath;
        if (File.Exists(regionPath) && overridePath is null)
        {
            // One file: read once, typed (merging layers takes three more parses, a tenth of a second in a fresh process).
            var single = ReadTyped(regionPath);
            single.Origin = origin;
            Validate(single, origin);
            return single;
        }

        var layers = new List<(string Path, Dictionary<object, object> Tree)>();
        if (File.Exists(regionPath))
        {
            layers.Add((regionPath, ReadTree(regionPath)));
        }
        else if (overridePath is null)
        {
            var known = Directory.Exists(directory) ? string.Join(", ", Directory.GetFiles(directory, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)) : "none";
            // The shipped folder is a build-time copy of the repository's data/prices: point the user at the original.
            var folder = directory == DefaultDirectory ? "data/prices" : directory;
            throw new PriceCatalogException(
                $"no prices for region '{region}' in {folder} (regions with prices: {known}). " +
                $"Regional prices differ and Lambench has not confirmed them: copy {folder}/{DefaultRegion}.yaml to {folder}/{region}.yaml, set the figures from the AWS pricing pages and mark what you checked, or pass a complete file with --prices.");
        }

        if (overridePath is not null)
        {
            if (!File.Exists(overridePath))
            {
                throw new PriceCatalogException($"{overridePath}: no such price file");
            }

            layers.Add((overridePath, ReadTree(overridePath)));
        }

        var merged = layers[0].Tree;
        foreach (var layer in layers.Skip(1))
        {
            Merge(merged, layer.Tree);
        }

        // The shipped file is named as it stands in the repository, so reports do not depend on where the binaries live.
        origin = string.Join(" + ", layers.Select(l => l.Path == regionPath ? origin : l.Path));
        var yaml = new SerializerBuilder().Build().Serialize(merged);
        PriceCatalog catalog;
        try
        {
            catalog = Deserializer.Deserialize<PriceCatalog>(yaml);
        }
        catch (YamlException e)
        {
            throw new PriceCatalogException($"{origin}: {Innermost(e).Message}", e);
        }

        catalog.Origin = origin;
        Validate(catalog, origin);
        return catalog;
    }

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithTypeConverter(new DateOnlyConverter())
        .Build();

    /// <summary>Reads a file as a plain tree, and typed too, so unknown keys and bad values are reported with this file's line numbers.</summary>
    private static Dictionary<object, object> ReadTree(string path)
    {
        ReadTyped(path);
        var text = File.ReadAllText(path);
        try
        {
            return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(text) ?? [];
        }
        catch (YamlException e)
        {
            throw new PriceCatalogException($"{path}: line {e.Start.Line}: {Innermost(e).Message}", e);
        }
    }

    /// <summary>A file read as a catalog on its own; unknown keys and bad values reported with its line numbers.</summary>
    private static PriceCatalog ReadTyped(string path)
    {
        try
        {
            return Deserializer.Deserialize<PriceCatalog>(File.ReadAllText(path));
        }
        catch (YamlException e)
        {
            throw new PriceCatalogException($"{path}: line {e.Start.Line}: {Innermost(e).Message}", e);
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    private static void Merge(Dictionary<object, object> target, Dictionary<object, object> layer)
    {
        foreach (var (key, value) in layer)
        {
            if (value is Dictionary<object, object> child && target.TryGetValue(key, out var existing) && existing is Dictionary<object, object> existingChild)
            {
                Merge(existingChild, child);
            }
            else
            {
                target[key] = value;
            }
        }
    }

    private static void Validate(PriceCatalog catalog, string origin)
    {
        var errors = new List<string>();
        void Positive(decimal value, string field)
        {
            if (value <= 0)
            {
                errors.Add($"{field} must be a positive number (got {value.ToString(CultureInfo.InvariantCulture)})");
            }
        }

        foreach (var architecture in new[] { Architectures.X86_64, Architectures.Arm64 })
        {
            var field = $"lambda.compute.{architecture}";
            if (!catalog.Lambda.Compute.TryGetValue(architecture, out var compute) || compute.Tiers.Count == 0)
            {
                errors.Add($"{field}.tiers is missing");
                continue;
            }

            decimal previous = 0;
            for (var i = 0; i < compute.Tiers.Count; i++)
            {
                var tier = compute.Tiers[i];
                Positive(tier.UsdPerGbSecond, $"{field}.tiers[{i}].usd_per_gb_second");
                var last = i == compute.Tiers.Count - 1;
                if (last != tier.UpToGbSeconds is null)
                {
                    errors.Add($"{field}.tiers[{i}]: only the last tier may (and must) have no up_to_gb_seconds");
                }
                else if (tier.UpToGbSeconds is { } upTo)
                {
                    if (upTo <= previous)
                    {
                        errors.Add($"{field}.tiers[{i}].up_to_gb_seconds must grow from tier to tier");
                    }

                    previous = upTo;
                }
            }
        }

        Positive(catalog.Lambda.Requests.UsdPerMillion, "lambda.requests.usd_per_million");
        Positive(catalog.Dynamodb.OnDemand.UsdPerMillionWriteUnits, "dynamodb.on_demand.usd_per_million_write_units");
        Positive(catalog.Dynamodb.OnDemand.UsdPerMillionReadUnits, "dynamodb.on_demand.usd_per_million_read_units");
        Positive(catalog.Dynamodb.OnDemand.WriteUnitBytes, "dynamodb.on_demand.write_unit_bytes");
        Positive(catalog.Dynamodb.OnDemand.ReadUnitBytes, "dynamodb.on_demand.read_unit_bytes");
        Positive(catalog.Sqs.Standard.UsdPerMillionRequests, "sqs.standard.usd_per_million_requests");
        Positive(catalog.Sqs.Standard.ChunkBytes, "sqs.standard.chunk_bytes");
        Positive(catalog.ApiGateway.HttpApi.UsdPerMillionRequests, "api_gateway.http_api.usd_per_million_requests");
        Positive(catalog.ApiGateway.HttpApi.MeteredBytes, "api_gateway.http_api.metered_bytes");
        Positive(catalog.CloudwatchLogs.IngestionUsdPerGb, "cloudwatch_logs.ingestion_usd_per_gb");
        Positive(catalog.CloudwatchLogs.BytesPerGb, "cloudwatch_logs.bytes_per_gb");
        ValidateArchitectureServices(catalog, errors);
        if (catalog.Lambda.InitBilling.AllOnDemandZipFrom == default)
        {
            errors.Add("lambda.init_billing.all_on_demand_zip_from is missing");
        }

        if (string.IsNullOrWhiteSpace(catalog.Currency) || catalog.AsOf == default)
        {
            errors.Add("currency and as_of are required");
        }

        if (errors.Count > 0)
        {
            throw new PriceCatalogException($"{origin}: {string.Join("; ", errors)}");
        }
    }

    /// <summary>Step Functions, Fargate, S3 and EventBridge may be absent (0: the cost commands say so); a figure given must be sensible.</summary>
    private static void ValidateArchitectureServices(PriceCatalog catalog, List<string> errors)
    {
        var figures = new (decimal Value, string Field)[]
        {
            (catalog.StepFunctions.Standard.UsdPerThousandTransitions, "step_functions.standard.usd_per_thousand_transitions"),
            (catalog.StepFunctions.Standard.FreeTransitionsPerMonth, "step_functions.standard.free_transitions_per_month"),
            (catalog.StepFunctions.Express.UsdPerMillionRequests, "step_functions.express.usd_per_million_requests"),
            (catalog.StepFunctions.Express.DurationIncrementMs, "step_functions.express.duration_increment_ms"),
            (catalog.StepFunctions.Express.MemoryChunkMb, "step_functions.express.memory_chunk_mb"),
            (catalog.Fargate.MinimumSeconds, "fargate.minimum_seconds"),
            (catalog.S3.Standard.UsdPerGbMonth, "s3.standard.usd_per_gb_month"),
            (catalog.S3.Standard.UsdPerThousandWrites, "s3.standard.usd_per_thousand_writes"),
            (catalog.S3.Standard.UsdPerThousandReads, "s3.standard.usd_per_thousand_reads"),
            (catalog.Eventbridge.UsdPerMillionCustomEvents, "eventbridge.usd_per_million_custom_events"),
            (catalog.Eventbridge.SchedulerUsdPerMillionInvocations, "eventbridge.scheduler_usd_per_million_invocations"),
            (catalog.Eventbridge.SchedulerFreeInvocationsPerMonth, "eventbridge.scheduler_free_invocations_per_month"),
        };
        var computes = catalog.Fargate.Compute.SelectMany(c => new[] { (c.Value.UsdPerVcpuHour, $"fargate.compute.{c.Key}.usd_per_vcpu_hour"), (c.Value.UsdPerGbHour, $"fargate.compute.{c.Key}.usd_per_gb_hour") });
        var tiers = catalog.StepFunctions.Express.Tiers.Select((t, i) => (t.UsdPerGbSecond, $"step_functions.express.tiers[{i}].usd_per_gb_second"));
        errors.AddRange(figures.Concat(computes).Concat(tiers).Where(f => f.Item1 < 0).Select(f => $"{f.Item2} must not be negative (got {f.Item1.ToString(CultureInfo.InvariantCulture)})"));
        var express = catalog.StepFunctions.Express.Tiers;
        for (var i = 0; i < express.Count; i++)
        {
            var last = i == express.Count - 1;
            if (last != express[i].UpToGbHours is null || express[i].UpToGbHours <= (i > 0 ? express[i - 1].UpToGbHours : 0))
            {
                errors.Add($"step_functions.express.tiers[{i}]: bounds must be above 0 and grow from tier to tier, and only the last tier may (and must) have no up_to_gb_hours");
            }
        }
    }

    private sealed class DateOnlyConverter : IYamlTypeConverter
    {
        public bool Accepts(Type type) => type == typeof(DateOnly);

        public object ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
        {
            var scalar = parser.Consume<Scalar>();
            return DateOnly.TryParseExact(scalar.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new YamlException(scalar.Start, scalar.End, $"'{scalar.Value}' is not a date (yyyy-mm-dd)");
        }

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
            emitter.Emit(new Scalar(((DateOnly)value!).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }
}
