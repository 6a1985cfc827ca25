namespace Lambench.Cli.Tests;

/// <summary>
/// Test classes that start heavy process trees (a local platform with its function processes and dynalite, Go
/// cross-builds, moto): one at a time, since on 2 cores their timing assertions (a step reached, a process stopped)
/// must not compete with each other's builds.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SerialProcesses
{
    public const string Name = "serial processes";
}
