using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lambench.LocalPlatform.Http;

/// <summary>
/// Checks an AWS Signature Version 4 Authorization header the way AWS does: the canonical request is rebuilt from the
/// request as received (method, the path as sent, the query, the signed headers, the body's SHA-256), signed with the
/// key derived from the platform's secret, and compared in fixed time. Only the platform's access key is known; the
/// scope's region and service are the client's (they are part of what is signed).
/// </summary>
public sealed class SigV4Verifier(string accessKeyId, string secretAccessKey)
{
    /// <summary>How far a request's X-Amz-Date may be from now, as AWS allows before "Signature expired".</summary>
    public static readonly TimeSpan MaximumSkew = TimeSpan.FromMinutes(15);

    /// <summary>
    /// A request as received: its raw target (path and query, as sent), its headers by lower-case name, its body's
    /// SHA-256; and the service it must be signed for where the address says (a function URL: lambda), else null.
    /// </summary>
    public sealed record SignedRequest(string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, byte[] BodySha256, string? RequiredService = null);

    /// <summary>Null when the signature is good; else AWS's error type and message.</summary>
    public (string Type, string Message)? Verify(SignedRequest request, DateTimeOffset now)
    {
        if (!request.Headers.TryGetValue("authorization", out var authorization) || authorization.Length == 0)
        {
            return ("MissingAuthenticationTokenException", "Missing Authentication Token: requests to the local platform are signed with its key (AWS_ACCESS_KEY_ID=" + accessKeyId + ")");
        }

        if (Parse(authorization) is not { } auth)
        {
            return ("IncompleteSignatureException", "Authorization header is not AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…");
        }

        if (auth.Scope.Length != 5 || auth.Scope[0] != accessKeyId || auth.Scope[4] != "aws4_request")
        {
            return ("UnrecognizedClientException", "The security token included in the request is invalid: the local platform knows only the access key " + accessKeyId);
        }

        if (request.RequiredService is { } service && auth.Scope[3] != service)
        {
            return ("InvalidSignatureException", $"this address takes requests signed for the service {service}, not {auth.Scope[3]}");
        }

        if (!auth.SignedHeaders.Contains("host") || !request.Headers.TryGetValue("x-amz-date", out var amzDate)
            || !DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt)
            || !auth.SignedHeaders.Contains("x-amz-date") || amzDate[..8] != auth.Scope[1])
        {
            return ("IncompleteSignatureException", "the signature must cover the host and X-Amz-Date headers, and the date must match its scope");
        }

        if ((now - signedAt).Duration() > MaximumSkew)
        {
            return ("InvalidSignatureException", $"Signature expired: {amzDate} is more than {MaximumSkew.TotalMinutes:F0} minutes from now ({now:yyyyMMdd'T'HHmmss'Z'})");
        }

        if (auth.SignedHeaders.FirstOrDefault(h => !request.Headers.ContainsKey(h)) is { } absent)
        {
            return ("IncompleteSignatureException", $"the signed header '{absent}' is not in the request");
        }

        var payloadHash = Convert.ToHexStringLower(request.BodySha256);
        if (request.Headers.TryGetValue("x-amz-content-sha256", out var declared) && declared != payloadHash)
        {
            return ("InvalidSignatureException", "X-Amz-Content-Sha256 does not match the body");
        }

        var (path, query) = SplitTarget(request.RawTarget);
        var key = SigningKey(auth.Scope[1], auth.Scope[2], auth.Scope[3]);
        foreach (var canonicalPath in CanonicalPaths(path))
        {
            var canonical = CanonicalRequest(request, auth.SignedHeaders, canonicalPath, query, payloadHash);
            var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{string.Join('/', auth.Scope[1..])}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
            var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign));
            if (CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(auth.Signature)))
            {
                return null;
            }
        }

        return ("InvalidSignatureException", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.");
    }

    private sealed record Authorization(string[] Scope, string[] SignedHeaders, string Signature);

    private static Authorization? Parse(string header)
    {
        const string Algorithm = "AWS4-HMAC-SHA256 ";
        if (!header.StartsWith(Algorithm, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = header[Algorithm.Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("Credential", out var credential) || !parts.TryGetValue("SignedHeaders", out var signed)
            || !parts.TryGetValue("Signature", out var signature) || signature.Length != 64 || !signature.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        return new Authorization(credential.Split('/'), signed.Split(';'), signature);
    }

    private static (string Path, string Query) SplitTarget(string rawTarget)
    {
        var mark = rawTarget.IndexOf('?', StringComparison.Ordinal);
        return mark < 0 ? (rawTarget, string.Empty) : (rawTarget[..mark], rawTarget[(mark + 1)..]);
    }

    /// <summary>
    /// The path as sent, every segment encoded again (SigV4 for services other than S3); and, where it differs, the
    /// path with empty and dot segments normalised first, as botocore signs it.
    /// </summary>
    private static IEnumerable<string> CanonicalPaths(string path)
    {
        static string Encode(IEnumerable<string> segments) => string.Join('/', segments.Select(Uri.EscapeDataString));
        var asSent = path.Length == 0 ? "/" : Encode(path.Split('/'));
        yield return asSent;
        var normalised = new List<string>();
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (normalised.Count > 0)
                {
                    normalised.RemoveAt(normalised.Count - 1);
                }
            }
            else if (segment != ".")
            {
                normalised.Add(segment);
            }
        }

        var other = "/" + Encode(normalised) + (path.EndsWith('/') && normalised.Count > 0 ? "/" : string.Empty);
        if (other != asSent)
        {
            yield return other;
        }
    }

    private static string CanonicalRequest(SignedRequest request, string[] signedHeaders, string path, string query, string payloadHash)
    {
        var canonicalQuery = string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Key: Encode(p[0]), Value: Encode(p.Length > 1 ? p[1] : string.Empty)))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
        var headers = new StringBuilder();
        foreach (var name in signedHeaders)
        {
            headers.Append(name).Append(':').Append(string.Join(' ', request.Headers[name].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))).Append('\n');
        }

        return $"{request.Method}\n{path}\n{canonicalQuery}\n{headers}\n{string.Join(';', signedHeaders)}\n{payloadHash}";
    }

    /// <summary>A query key or value as SigV4 writes it: decoded, then strictly encoded (unreserved characters only left as they are).</summary>
    private static string Encode(string part) => Uri.EscapeDataString(Uri.UnescapeDataString(part));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string, string), byte[]> keys = new();

    /// <summary>The key of a day, region and service, derived once (four HMACs) and kept: clients sign many requests with it.</summary>
    private byte[] SigningKey(string date, string region, string service) =>
        keys.Count < 1000 ? keys.GetOrAdd((date, region, service), k => DeriveKey(k.Item1, k.Item2, k.Item3)) : DeriveKey(date, region, service);

    private byte[] DeriveKey(string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8);
    }
}
