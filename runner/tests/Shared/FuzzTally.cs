using System.Diagnostics;

namespace Lambench.Tests.Shared;

/// <summary>
/// The outcome of every generated input of a fuzz test: a clean error (the command's one-line kind), a correct
/// result, or a failure (unhandled exception, hang, wrong result) kept with the input's number to replay it.
/// </summary>
public sealed class FuzzTally(string name)
{
    public int Tried { get; private set; }
    public int CleanErrors { get; private set; }
    public int CorrectResults { get; private set; }
    public List<string> Unhandled { get; } = [];
    public List<string> Hangs { get; } = [];
    public List<string> WrongResults { get; } = [];

    /// <summary>Runs one case: <paramref name="run"/> returns null for a correct result or what is wrong; <paramref name="isClean"/> says which exceptions are clean errors.</summary>
    public void Case(int number, Func<string?> run, Func<Exception, bool> isClean, TimeSpan? limit = null)
    {
        Tried++;
        var clock = Stopwatch.StartNew();
        try
        {
            var task = Task.Run(run);
            if (!task.Wait(limit ?? TimeSpan.FromSeconds(10)))
            {
                Hangs.Add($"case {number}: no end after {(limit ?? TimeSpan.FromSeconds(10)).TotalSeconds:F0} s");
                return;
            }

            if (task.Result is { } wrong)
            {
                WrongResults.Add($"case {number}: {wrong}");
            }
            else
            {
                CorrectResults++;
            }
        }
        catch (AggregateException e) when (isClean(e.InnerException!))
        {
            CleanErrors++;
        }
        catch (AggregateException e)
        {
            Unhandled.Add($"case {number}: {e.InnerException!.GetType().Name}: {e.InnerException.Message}");
        }
    }

    public override string ToString() =>
        $"{name}: {Tried} inputs, {CleanErrors} clean errors, {CorrectResults} correct results, {Unhandled.Count} unhandled, {Hangs.Count} hangs, {WrongResults.Count} wrong results"
        + string.Concat(Unhandled.Concat(Hangs).Concat(WrongResults).Take(10).Select(f => "\n  " + f));

    /// <summary>Every case ended cleanly or correctly; the summary goes to the test's output either way.</summary>
    public void AssertAllClean(Action<string> output)
    {
        output(ToString());
        if (Unhandled.Count + Hangs.Count + WrongResults.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(ToString());
        }
    }
}
