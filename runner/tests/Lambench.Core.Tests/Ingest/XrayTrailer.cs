namespace Lambench.Core.Tests.Ingest;

/// <summary>Where an X-Ray trailer follows a REPORT line (active tracing): not at all, on the same line, or on the next.</summary>
internal enum XrayTrailer
{
    None,
    SameLine,
    NextLine,
}
