using System.Security.Cryptography;

namespace Lambench.Runner.Doctor;

/// <summary>
/// The SHA-256 of a template file's bytes, kept as a tag on the stack by `lambench deploy`, so `doctor` can tell
/// whether the deployed functions come from this checkout's template.
/// </summary>
public static class TemplateHash
{
    /// <summary>The stack tag that carries the hash.</summary>
    public const string TagKey = "lambench:template-sha256";

    public static string Of(string templatePath) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(templatePath)));
}
