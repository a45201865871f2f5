namespace SigmaSight.Service.Batches.Planning;

/// <summary>Plans the items of one phase and enqueues their Hangfire jobs.</summary>
public interface IPhasePlanner
{
    int Phase { get; }

    /// <summary>Inserts the phase's items inside the starter's transaction; returns how many.</summary>
    Task<int> PlanAsync(BatchRun run, CancellationToken cancellationToken);

    /// <summary>
    /// Enqueues a job for every item of the phase that has none yet, and records the job ids; only while
    /// <paramref name="lease"/> is held (renewed between batches of jobs), so no two starters enqueue the same items.
    /// </summary>
    Task EnqueueAsync(BatchRun run, PhaseLease lease, CancellationToken cancellationToken);
}
