namespace Lambench.Cli;

public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>An input file or option the command cannot use; the message says which and why.</summary>
    public const int BadInput = 2;
    public const int Cancelled = 130;
}
