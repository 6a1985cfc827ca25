namespace Lambench.Runner.Doctor;

/// <summary>How a check ended: fine, worth knowing, or a reason the run or deploy would fail.</summary>
public enum CheckOutcome
{
    Ok,
    Warning,
    Failed,
}
