using System.Net;
using Lambench.Core.Cost;
using Lambench.LocalPlatform.DynamoDb;
using Lambench.LocalPlatform.Functions;
using Lambench.LocalPlatform.Http;
using Lambench.LocalPlatform.Logs;
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

    private LocalPlatform(WebApplication app, LocalTemplate template, Dictionary<string, FunctionHost> functions, LogStore logs, Uri endpoint, DynaliteServer? dynamoDb)
    {
        this.app = app;
        this.dynamoDb = dynamoDb;
        this.functions = functions;
        Template = template;
        Logs = logs;
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

    /// <summary>http://127.0.0.1:&lt;port&gt;: the endpoint URL for Lambda and CloudWatch Logs clients.</summary>
    public Uri Endpoint { get; }

    public IReadOnlyDictionary<string, FunctionHost> Functions => functions;

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
        var registry = new EnvironmentRegistry();
        var logs = new LogStore();
        var functions = new Dictionary<string, FunctionHost>(StringComparer.Ordinal);
        var logsApi = new LogsApiEndpoints(logs);
        RuntimeApiEndpoints.Map(app, registry, id => registry.Find(id)?.State.FunctionArn ?? string.Empty);
        LambdaApiEndpoints.Map(app, functions);
        app.MapPost("/", (Func<HttpContext, Task<IResult>>)(context =>
        {
            var target = context.Request.Headers["X-Amz-Target"].FirstOrDefault() ?? string.Empty;
            return target.StartsWith(LogsApiEndpoints.TargetPrefix, StringComparison.Ordinal)
                ? logsApi.HandleAsync(target[LogsApiEndpoints.TargetPrefix.Length..], context)
                : Task.FromResult(AwsErrors.Json(400, "UnknownOperationException", $"the local platform does not serve '{target}'"));
        }));

        try
        {
            await app.StartAsync(cancellation);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
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
                throw;
            }
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var endpoint = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        var settings = new PlatformSettings
        {
            RuntimeApiAddress = $"127.0.0.1:{endpoint.Port}",
            IdleTimeout = options.IdleTimeout,
            FunctionVariables = new Dictionary<string, string>
            {
                ["AWS_REGION"] = Region,
                ["AWS_DEFAULT_REGION"] = Region,
                ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
                ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
                ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamoDb?.Endpoint.ToString().TrimEnd('/') ?? string.Empty,
            },
        };
        var launcher = new RuntimeLauncher(options.WorkDirectory);
        foreach (var definition in template.Functions)
        {
            var state = new FunctionState
            {
                Definition = definition,
                MemorySizeMb = definition.MemorySizeMb,
                TimeoutSeconds = definition.TimeoutSeconds,
                Environment = definition.Environment,
                RevisionId = Guid.NewGuid().ToString(),
                LastModified = DateTimeOffset.UtcNow,
                ReservedConcurrency = definition.ReservedConcurrency,
            };
            var host = new FunctionHost(state, launcher, registry, logs, billing, settings);
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

        return new LocalPlatform(app, template, functions, logs, endpoint, dynamoDb);
    }

    public async ValueTask DisposeAsync()
    {
        await eviction.DisposeAsync();
        foreach (var host in functions.Values)
        {
            host.Dispose();
        }

        await app.StopAsync();
        await app.DisposeAsync();
        if (dynamoDb is not null)
        {
            await dynamoDb.DisposeAsync();
        }
    }
}
