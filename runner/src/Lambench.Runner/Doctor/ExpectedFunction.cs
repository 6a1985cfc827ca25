namespace Lambench.Runner.Doctor;

/// <summary>A function the template deploys, as the deployed one must be: its name, architecture and runtime.</summary>
public sealed record ExpectedFunction(string Name, string Architecture, string Runtime);
