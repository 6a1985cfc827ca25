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

    private readonly WebApplication app;
    private readonly Dictionary<string, FunctionHost> functions;
    private readonly Timer eviction;

    private readonly DynaliteServer? dynamoDb;
    private readonly List<EventSourceMapping> mappings;

    private LocalPlatform(WebApplication app, LocalTemplate template, Dictionary<string, FunctionHost> functions, LogStore logs, MetricStore metrics, Uri endpoint, DynaliteServer? dynamoDb, SqsService sqs, List<EventSourceMapping> mappings)
    {
        this.app = app;
        this.dynamoDb = dynamoDb;
        this.mappings = mappings;
        Sqs = sqs;
        this.functions = functions;
        Template = template;
        Logs = logs;
        Metrics = metrics;
        Endpoint = endpoint;
        eviction = new Timer(_ =>
        {
            foreach (var host in functions.Values)
            {
                host.EvictIdle(DateTimeOffset.UtcNow);
            }
        }, null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
    }

    public LocalTemplate Template { get; }
    public LogStore Logs { get; }

    /// <summary>The AWS/Lambda metrics (Invocations, Errors, Throttles) per function and minute, served as CloudWatch's GetMetricStatistics.</summary>
    public MetricStore Metrics { get; }

    /// <summary>http://127.0.0.1:&lt;port&gt;: the endpoint URL for Lambda and CloudWatch Logs clients.</summary>
    public Uri Endpoint { get; }

    public IReadOnlyDictionary<string, FunctionHost> Functions => functions;

    public SqsService Sqs { get; }

    /// <summary>The local URL of a function that has FunctionUrlConfig (AWS_IAM: requests must be SigV4-signed).</summary>
    public Uri FunctionUrl(string functionName) => new(Endpoint, $"{FunctionUrlEndpoints.Prefix}/{functionName}/");

    /// <summary>The SQS triggers of the template's functions, with their invocation, error and throttle counts.</summary>
    public IReadOnlyList<EventSourceMapping> EventSourceMappings => mappings;

    /// <summary>dynalite's endpoint when the template has tables; null otherwise.</summary>
    public Uri? DynamoDbEndpoint => dynamoDb?.Endpoint;

    /// <summary>The variables that point the AWS CLI, boto3 and the AWS SDKs at this platform.</summary>
    public IReadOnlyDictionary<string, string> ClientEnvironment => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AWS_ENDPOINT_URL"] = Endpoint.ToString().TrimEnd('/'),
        ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamoDb?.Endpoint.ToString().TrimEnd('/') ?? string.Empty,
        ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
        ["AWS_DEFAULT_REGION"] = Region,
        ["AWS_REGION"] = Region,
    }.Where(v => v.Value.Length > 0).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    /// <exception cref="TemplateException">a template the platform cannot use.</exception>
    /// <exception cref="IOException">the port is in use.</exception>
    public static async Task<LocalPlatform> StartAsync(LocalPlatformOptions options, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        progress?.Report($"Reading {options.TemplatePath}");
        var template = new TemplateReader(options.StackName, Region, options.ParameterOverrides).Read(options.TemplatePath);
        var billing = PriceCatalogLoader.Load().Lambda.InitBilling;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = 16 * 1024 * 1024;
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var boundPort = 0;
        var guard = new RequestGuard(new SigV4Verifier(AccessKeyId, SecretAccessKey), () => boundPort, TimeProvider.System);
        app.Use(guard.InvokeAsync);
        var registry = new EnvironmentRegistry();
        if (options.ThrottleFraction is < 0 or > 1 || double.IsNaN(options.ThrottleFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ThrottleFraction, "the throttle fraction is between 0 and 1");
        }

        var logs = options.LogDirectory is null
            ? new LogStore { IngestionDelay = options.LogIngestionDelay }
            : LogStore.Open(Path.Combine(options.LogDirectory, "events.jsonl"), options.LogIngestionDelay);
        var functions = new Dictionary<string, FunctionHost>(StringComparer.Ordinal);
        var logsApi = new LogsApiEndpoints(logs);
        var sqsBox = new SqsService[1];
        RuntimeApiEndpoints.Map(app, registry, id => registry.Find(id)?.State.FunctionArn ?? string.Empty);
        LambdaApiEndpoints.Map(app, functions);
        FunctionUrlEndpoints.Map(app, functions);
        HttpApiEndpoints.Map(app, template, functions);
        var metrics = new MetricStore();
        var started = DateTimeOffset.UtcNow;
        // The query protocol names its operation in the form: CloudWatch's GetMetricStatistics, CloudFormation's DescribeStacks, or an SQS action.
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

            return form["Action"].FirstOrDefault() switch
            {
                MetricsEndpoints.Action => MetricsEndpoints.Handle(metrics, form),
                StackEndpoints.Action => StackEndpoints.Handle(template, new Uri($"http://127.0.0.1:{boundPort}/"), started, form),
                _ => await SqsEndpoints.HandleQueryAsync(sqsBox[0], context),
            };
        }

        Func<HttpContext, Task<IResult>> dispatch = context =>
        {
            var target = context.Request.Headers["X-Amz-Target"].FirstOrDefault() ?? string.Empty;
            return target.StartsWith(LogsApiEndpoints.TargetPrefix, StringComparison.Ordinal) ? logsApi.HandleAsync(target[LogsApiEndpoints.TargetPrefix.Length..], context)
                : target.StartsWith(SqsEndpoints.TargetPrefix, StringComparison.Ordinal) ? SqsEndpoints.HandleJsonAsync(sqsBox[0], target[SqsEndpoints.TargetPrefix.Length..], context)
                : context.Request.HasFormContentType ? QueryAsync(context)
                : Task.FromResult(AwsErrors.Json(400, "UnknownOperationException", $"the local platform does not serve '{target}'"));
        };
        app.MapPost("/", dispatch);
        app.MapPost("/{account}/{queue}", dispatch);

        try
        {
            await app.StartAsync(cancellation);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            logs.Dispose();
            throw new IOException($"127.0.0.1:{options.Port} is in use ({e.Message}): stop what listens there, or pick another port with --port", e);
        }

        DynaliteServer? dynamoDb = null;
        if (template.Tables.Count > 0)
        {
            try
            {
                dynamoDb = await DynaliteServer.StartAsync(options.WorkDirectory, template.Tables, progress, cancellation);
            }
            catch
            {
                await app.DisposeAsync();
                logs.Dispose();
                throw;
            }
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var endpoint = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        boundPort = endpoint.Port;
        var settings = new PlatformSettings
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
        var sqs = new SqsService(endpoint.ToString());
        sqsBox[0] = sqs;
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
            var host = new FunctionHost(state, launcher, registry, logs, metrics, billing, settings);
            functions[definition.FunctionName] = host;
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

        var mappings = new List<EventSourceMapping>();
        foreach (var definition in template.Functions)
        {
            foreach (var source in definition.SqsEvents)
            {
                var queue = sqs.Find(template.Queues.Single(q => q.LogicalId == source.QueueLogicalId).QueueName)!;
                mappings.Add(new EventSourceMapping(queue, functions[definition.FunctionName], source.BatchSize, source.MaximumConcurrency));
            }
        }

        return new LocalPlatform(app, template, functions, logs, metrics, endpoint, dynamoDb, sqs, mappings);
    }

    public async ValueTask DisposeAsync()
    {
        await eviction.DisposeAsync();
        foreach (var mapping in mappings)
        {
            await mapping.DisposeAsync();
        }

        foreach (var host in functions.Values)
        {
            host.Dispose();
        }

        await app.StopAsync();
        await app.DisposeAsync();
        Logs.Dispose();
        if (dynamoDb is not null)
        {
            await dynamoDb.DisposeAsync();
        }
    }
}
