using Hangfire;
using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Planning;

/// <summary>Phase 5: one verify item per run.</summary>
public sealed class VerifyPlanner(SigmaSightDbContext db, IBackgroundJobClient jobs) : IPhasePlanner
{
    public int Phase => BatchPhases.Verify;

    public async Task<int> PlanAsync(BatchRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        db.BatchItems.Add(new BatchItem
        {
            RunId = run.Id, Phase = Phase, ItemKey = LedgerItemRef.VerifyKey, Status = ItemStatus.Pending,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return 1;
    }

    public async Task EnqueueAsync(BatchRun run, PhaseLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var pending = await db.BatchItems.AnyAsync(
            i => i.RunId == run.Id && i.Phase == Phase && i.HangfireJobId == null, cancellationToken).ConfigureAwait(false);
        if (!pending) return;
        var jobId = jobs.Enqueue<VerifyRunJob>(JobQueues.Coordination, j => j.RunAsync(run.Id, CancellationToken.None));
        await JobIdRecorder.RecordAsync(db, run.Id, Phase, [(LedgerItemRef.VerifyKey, jobId)], cancellationToken)
            .ConfigureAwait(false);
    }
}
