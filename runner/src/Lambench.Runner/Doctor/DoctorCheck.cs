namespace Lambench.Runner.Doctor;

/// <summary>One line of `lambench doctor`: what was checked, how it ended, and what was found or what to do.</summary>
public sealed record DoctorCheck(string Name, CheckOutcome Outcome, string Detail)
{
    public static DoctorCheck Ok(string name, string detail) => new(name, CheckOutcome.Ok, detail);

    public static DoctorCheck Warning(string name, string detail) => new(name, CheckOutcome.Warning, detail);

    public static DoctorCheck Failed(string name, string detail) => new(name, CheckOutcome.Failed, detail);
}
