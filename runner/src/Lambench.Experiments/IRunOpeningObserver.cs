using Lambench.Runner.Doctor;

namespace Lambench.Experiments;

/// <summary>What opening a run tells as it goes; the command line prints it.</summary>
public interface IRunOpeningObserver
{
    /// <summary>AWS only: the account checks start (they take seconds).</summary>
    void CheckingAccount();

    /// <summary>AWS only: every check, in order, whether or not one failed.</summary>
    void AccountChecked(IReadOnlyList<DoctorCheck> checks);

    void Warning(string message);
}
