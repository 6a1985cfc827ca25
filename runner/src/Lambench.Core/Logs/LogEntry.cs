namespace Lambench.Core.Logs;

/// <summary>
/// One log event from any container format. The message is a slice of <see cref="Text"/> so raw lines are not copied.
/// <see cref="Location"/> says where it came from ("line 12", "events[3]") for error messages.
/// </summary>
public readonly record struct LogEntry(
    string Text,
    int MessageStart,
    DateTimeOffset? Timestamp,
    string? LogGroup,
    string? LogStream,
    long LineNumber,
    string? Location = null)
{
    public ReadOnlySpan<char> Message => Text.AsSpan(MessageStart);

    public string Where => Location ?? $"line {LineNumber}";
}
