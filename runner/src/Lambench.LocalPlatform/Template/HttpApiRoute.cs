namespace Lambench.LocalPlatform.Template;

/// <summary>An HttpApi event of a function: the route <c>Method Path</c> on the API of <paramref name="ApiLogicalId"/>, payload format 2.0.</summary>
public sealed record HttpApiRoute(string ApiLogicalId, string Method, string Path)
{
    /// <summary>API Gateway's route key, as the event's routeKey carries it: "POST /python-sleep-arm64".</summary>
    public string RouteKey => $"{Method} {Path}";

    /// <summary>Whether a request's method and path take this route (ANY takes every method).</summary>
    public bool Matches(string method, string path) =>
        (Method == "ANY" || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) && string.Equals(Path, path, StringComparison.Ordinal);
}
