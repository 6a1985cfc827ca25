namespace Lambench.Cli;

public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>The work itself failed (a notebook cell, say); the message says where.</summary>
    public const int Failed = 1;
    /// <summary>An input file or option the command cannot use; the message says which and why.</summary>
    public const int BadInput = 2;
    /// <summary>A bug: an exception no command expected, said in one line.</summary>
    public const int InternalError = 70;
    public const int Cancelled = 130;
}
