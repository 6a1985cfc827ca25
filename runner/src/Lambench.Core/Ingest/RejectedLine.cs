namespace Lambench.Core.Ingest;

/// <summary>A REPORT line that could not be read: where it is, why, and its text (at most 200 characters).</summary>
public sealed record RejectedLine(string Path, string Where, string Reason, string Text)
{
    public override string ToString() => $"{Path}: {Where}: {Reason}";
}
