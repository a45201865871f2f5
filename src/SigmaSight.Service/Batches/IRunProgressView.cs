namespace SigmaSight.Service.Batches;

/// <summary>Where <see cref="RunWaiter"/> reports a run's progress: plain lines (<see cref="PlainRunProgress"/>) or live bars.</summary>
public interface IRunProgressView
{
    /// <summary>Called after every poll of the ledger, with what it read.</summary>
    Task ShowAsync(RunProgress progress);

    /// <summary>The waited-on run was superseded: the waiter follows <paramref name="successor"/> from now on.</summary>
    Task FollowAsync(Guid superseded, Guid successor);
}
