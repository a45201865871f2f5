namespace SigmaSight.Service.Batches.Planning;

/// <summary>Plans the items of one phase and enqueues their Hangfire jobs.</summary>
public interface IPhasePlanner
{
    int Phase { get; }

    /// <summary>Inserts the phase's items inside the starter's transaction; returns how many.</summary>
    Task<int> PlanAsync(BatchRun run, CancellationToken cancellationToken);

    /// <summary>Enqueues a job for every item of the phase that has none yet, and records the job ids.</summary>
    Task EnqueueAsync(BatchRun run, CancellationToken cancellationToken);
}
