namespace Lambench.Runner.Doctor;

/// <summary>What this checkout would deploy: the stack's name, its template's hash, and the functions to find.</summary>
public sealed record ExpectedDeployment(string StackName, string TemplateSha256, IReadOnlyList<ExpectedFunction> Functions);
