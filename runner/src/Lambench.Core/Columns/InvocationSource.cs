namespace Lambench.Core.Columns;

/// <summary>
/// What every invocation read from one file (or one log group of it) shares: its configuration and what the user or
/// the log says about the function. <see cref="InvocationColumns"/> stores it once, and an index a row.
/// </summary>
public sealed record InvocationSource(string Configuration, string? FunctionName, string? Runtime, string? Architecture, string? Platform);
