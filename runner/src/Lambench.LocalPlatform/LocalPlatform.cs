using System.Net;
using Lambench.Core.Cost;
using Lambench.LocalPlatform.DynamoDb;
using Lambench.LocalPlatform.Functions;
using Lambench.LocalPlatform.Http;
using Lambench.LocalPlatform.Logs;
using Lambench.LocalPlatform.Metrics;
using Lambench.LocalPlatform.Sqs;
using Lambench.LocalPlatform.Template;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lambench.LocalPlatform;

/// <summary>
/// The local Lambda platform: the functions of infra/template.yaml as real processes behind the Runtime API, and
/// AWS-compatible Lambda and CloudWatch Logs endpoints, all on one port of 127.0.0.1. Local timings are this
/// machine's: rows measured here say platform=local.
/// </summary>
public sealed class LocalPlatform : IAsyncDisposable
{
    public const string AccessKeyId = "lambench-local";
    public const string SecretAccessKey = "lambench-local-secret";
    public const string Region = "us-east-1";

    private readonly PlatformParts parts;

    private LocalPlatform(PlatformParts parts, LocalTemplate template, Uri endpoint)
    {
        this.parts = parts;
        Template = template;
        Endpoint = endpoint;
        var functions = parts.Functions;
        parts.Eviction = new Timer(_ =>
        {
            foreach (var host in functions.Values)
            {
                host.EvictIdle(DateTimeOffset.UtcNow);
            }
        }, null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
    }

    public LocalTemplate Template { get; }
    public LogStore Logs => parts.Logs!;

    /// <summary>
    /// The AWS/Lambda metrics (Invocations, Errors, Throttles) per function and minute, and the metrics of the functions'
    /// embedded-metric-format lines, served as CloudWatch's GetMetricStatistics and GetMetricData.
    /// </summary>
    public MetricStore Metrics => parts.Metrics;

    /// <summary>How many embedded-metric-format lines were stored as metrics, and how many were invalid.</summary>
    public EmbeddedMetricExtractor EmbeddedMetrics => parts.EmbeddedMetrics;

    /// <summary>http://127.0.0.1:&lt;port&gt;: the endpoint URL for Lambda and CloudWatch Logs clients.</summary>
    public Uri Endpoint { get; }

    public IReadOnlyDictionary<string, FunctionHost> Functions => parts.Functions;

    public SqsService Sqs => parts.Sqs!;

    /// <summary>The local URL of a function that has FunctionUrlConfig (AWS_IAM: requests must be SigV4-signed).</summary>
    public Uri FunctionUrl(string functionName) => new(Endpoint, $"{FunctionUrlEndpoints.Prefix}/{functionName}/");

    /// <summary>The SQS triggers of the template's functions, with their invocation, error and throttle counts.</summary>
    public IReadOnlyList<EventSourceMapping> EventSourceMappings => parts.Mappings;

    /// <summary>dynalite's endpoint when the template has tables; null otherwise.</summary>
    public Uri? DynamoDbEndpoint => parts.DynamoDb?.Endpoint;

    /// <summary>The variables that point the AWS CLI, boto3 and the AWS SDKs at this platform.</summary>
    public IReadOnlyDictionary<string, string> ClientEnvironment => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AWS_ENDPOINT_URL"] = Endpoint.ToString().TrimEnd('/'),
        ["AWS_ENDPOINT_URL_DYNAMODB"] = DynamoDbEndpoint?.ToString().TrimEnd('/') ?? string.Empty,
        ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
        ["AWS_DEFAULT_REGION"] = Region,
        ["AWS_REGION"] = Region,
    }.Where(v => v.Value.Length > 0).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    /// <exception cref="TemplateException">a template the platform cannot use.</exception>
    /// <exception cref="IOException">the port is in use.</exception>
    public static async Task<LocalPlatform> StartAsync(LocalPlatformOptions options, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        if (options.ThrottleFraction is < 0 or > 1 || double.IsNaN(options.ThrottleFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ThrottleFraction, "the throttle fraction is between 0 and 1");
        }

        progress?.Report($"Reading {options.TemplatePath}");
        var template = new TemplateReader(options.StackName, Region, options.ParameterOverrides).Read(options.TemplatePath);
        var parts = new PlatformParts();
        try
        {
            parts.Logs = options.LogDirectory is null
                ? new LogStore { IngestionDelay = options.LogIngestionDelay }
                : LogStore.Open(Path.Combine(options.LogDirectory, "events.jsonl"), options.LogIngestionDelay);
            parts.Logs.EventIngested += parts.EmbeddedMetrics.Observe;
            var endpoint = await StartWebAsync(options, template, parts, cancellation);
            if (template.Tables.Count > 0)
            {
                parts.DynamoDb = await DynaliteServer.StartAsync(options.WorkDirectory, template.Tables, progress, cancellation);
            }

            parts.Sqs = CreateQueues(template, endpoint);
            await CreateFunctionsAsync(options, template, parts, Settings(options, endpoint, parts.DynamoDb), progress, cancellation);
            foreach (var definition in template.Functions)
            {
                foreach (var source in definition.SqsEvents)
                {
                    var queue = parts.Sqs.Find(template.Queues.Single(q => q.LogicalId == source.QueueLogicalId).QueueName)!;
                    parts.Mappings.Add(new EventSourceMapping(queue, parts.Functions[definition.FunctionName], source.BatchSize, source.MaximumConcurrency));
                }
            }

            return new LocalPlatform(parts, template, endpoint);
        }
        catch
        {
            await parts.DisposeAsync();
            throw;
        }
    }

    /// <summary>The web host on 127.0.0.1 with every endpoint mapped, started; its address.</summary>
    private static async Task<Uri> StartWebAsync(LocalPlatformOptions options, LocalTemplate template, PlatformParts parts, CancellationToken cancellation)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = 16 * 1024 * 1024;
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        parts.App = app;
        var guard = new RequestGuard(new SigV4Verifier(AccessKeyId, SecretAccessKey), () => parts.BoundPort, TimeProvider.System);
        app.Use(guard.InvokeAsync);
        MapEndpoints(app, template, parts);
        try
        {
            await app.StartAsync(cancellation);
        }
        catch (IOException e)
        {
            throw new IOException($"127.0.0.1:{options.Port} is in use ({e.Message}): stop what listens there, or pick another port with --port", e);
        }

        parts.AppStarted = true;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var endpoint = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        parts.BoundPort = endpoint.Port;
        return endpoint;
    }

    private static void MapEndpoints(WebApplication app, LocalTemplate template, PlatformParts parts)
    {
        var registry = parts.Registry;
        var functions = parts.Functions;
        var logsApi = new LogsApiEndpoints(parts.Logs!);
        var started = DateTimeOffset.UtcNow;
        RuntimeApiEndpoints.Map(app, registry, id => registry.Find(id)?.State.FunctionArn ?? string.Empty);
        LambdaApiEndpoints.Map(app, functions);
        FunctionUrlEndpoints.Map(app, functions);
        HttpApiEndpoints.Map(app, template, functions);

        // The query protocol names its operation in the form: CloudWatch's GetMetricStatistics or GetMetricData, CloudFormation's DescribeStacks, or an SQS action.
        async Task<IResult> QueryAsync(HttpContext context)
        {
            IFormCollection form;
            try
            {
                form = await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException e)
            {
                // A form beyond ASP.NET's limits (a value over 4 MB): AWS's query services refuse it as a bad parameter.
                return AwsErrors.Json(400, "InvalidParameterValue", "the request's form cannot be read: " + e.Message);
            }

            var action = form["Action"].FirstOrDefault();
            return MetricsEndpoints.Handle(parts.Metrics, action, key => form[key].FirstOrDefault(), MetricsProtocol.Query)
                ?? (action == StackEndpoints.Action
                    ? StackEndpoints.Handle(template, new Uri($"http://127.0.0.1:{parts.BoundPort}/"), started, form)
                    : await SqsEndpoints.HandleQueryAsync(parts.Sqs!, context));
        }

        // CloudWatch's JSON protocol, which botocore's newer models choose over the query protocol.
        async Task<IResult> MetricsJsonAsync(HttpContext context, string action)
        {
            using var reader = new StreamReader(context.Request.Body);
            var form = JsonMetricsProtocol.ToForm(await reader.ReadToEndAsync(context.RequestAborted));
            return form is null
                ? MetricsProtocol.Json.Error("SerializationException", "the request body is not a JSON object")
                : MetricsEndpoints.Handle(parts.Metrics, action, key => form.GetValueOrDefault(key), MetricsProtocol.Json)
                    ?? AwsErrors.Json(400, "UnknownOperationException", $"the local platform's CloudWatch serves GetMetricStatistics and GetMetricData, not {action}");
        }

        Func<HttpContext, Task<IResult>> dispatch = context =>
        {
            var target = context.Request.Headers["X-Amz-Target"].FirstOrDefault() ?? string.Empty;
            return target.StartsWith(LogsApiEndpoints.TargetPrefix, StringComparison.Ordinal) ? logsApi.HandleAsync(target[LogsApiEndpoints.TargetPrefix.Length..], context)
                : target.StartsWith(JsonMetricsProtocol.TargetPrefix, StringComparison.Ordinal) ? MetricsJsonAsync(context, target[JsonMetricsProtocol.TargetPrefix.Length..])
                : target.StartsWith(SqsEndpoints.TargetPrefix, StringComparison.Ordinal) ? SqsEndpoints.HandleJsonAsync(parts.Sqs!, target[SqsEndpoints.TargetPrefix.Length..], context)
                : context.Request.HasFormContentType ? QueryAsync(context)
                : Task.FromResult(AwsErrors.Json(400, "UnknownOperationException", $"the local platform does not serve '{target}'"));
        };
        app.MapPost("/", dispatch);
        app.MapPost("/{account}/{queue}", dispatch);
    }

    private static PlatformSettings Settings(LocalPlatformOptions options, Uri endpoint, DynaliteServer? dynamoDb) => new()
    {
        RuntimeApiAddress = $"127.0.0.1:{endpoint.Port}",
        IdleTimeout = options.IdleTimeout,
        Concurrency = new ConcurrencyLimit(options.MaxConcurrency),
        ThrottleFraction = options.ThrottleFraction,
        FunctionVariables = new Dictionary<string, string>
        {
            ["AWS_REGION"] = Region,
            ["AWS_DEFAULT_REGION"] = Region,
            ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamoDb?.Endpoint.ToString().TrimEnd('/') ?? string.Empty,
            [ExecutionEnvironment.OutputMarkerVariable] = ExecutionEnvironment.OutputMarker,
        },
    };

    private static SqsService CreateQueues(LocalTemplate template, Uri endpoint)
    {
        var sqs = new SqsService(endpoint.ToString());
        foreach (var queue in template.Queues)
        {
            sqs.Create(queue.QueueName, queue.VisibilityTimeoutSeconds);
        }

        foreach (var queue in template.Queues.Where(q => q.DeadLetterQueueLogicalId is not null))
        {
            var target = template.Queues.FirstOrDefault(q => q.LogicalId == queue.DeadLetterQueueLogicalId)
                ?? throw new TemplateException(template.Path, 0, queue.LogicalId, $"its dead-letter queue {queue.DeadLetterQueueLogicalId} is not an AWS::SQS::Queue of this template");
            var local = sqs.Find(queue.QueueName)!;
            local.DeadLetterQueue = sqs.Find(target.QueueName);
            local.MaxReceiveCount = queue.MaxReceiveCount;
        }

        return sqs;
    }

    /// <summary>A host per function, each added to the parts before its runtime is prepared (a Go build), so a failure disposes it.</summary>
    private static async Task CreateFunctionsAsync(LocalPlatformOptions options, LocalTemplate template, PlatformParts parts, PlatformSettings settings, IProgress<string>? progress, CancellationToken cancellation)
    {
        var billing = PriceCatalogLoader.Load().Lambda.InitBilling;
        var launcher = new RuntimeLauncher(options.WorkDirectory);
        foreach (var definition in template.Functions)
        {
            var state = new FunctionState
            {
                Definition = definition,
                MemorySizeMb = definition.MemorySizeMb,
                TimeoutSeconds = definition.TimeoutSeconds,
                Environment = definition.Environment,
                LogFormat = definition.LogFormat,
                RevisionId = Guid.NewGuid().ToString(),
                LastModified = DateTimeOffset.UtcNow,
                ReservedConcurrency = definition.ReservedConcurrency,
            };
            var host = new FunctionHost(state, launcher, parts.Registry, parts.Logs!, parts.Metrics, billing, settings);
            parts.Functions[definition.FunctionName] = host;
            progress?.Report($"Preparing {definition.FunctionName} ({definition.Runtime}, {definition.Architecture})");
            try
            {
                await launcher.PrepareAsync(definition, cancellation);
            }
            catch (LambdaServiceException e)
            {
                host.UnavailableReason = e.Message;
            }
        }
    }

    public ValueTask DisposeAsync() => parts.DisposeAsync();
}
