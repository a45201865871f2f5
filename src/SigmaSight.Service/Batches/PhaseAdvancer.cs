using Hangfire;
using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches;

/// <summary>What happens after a ledger commit: the next phase's starter, or verify after a late success.</summary>
public sealed class PhaseAdvancer(SigmaSightDbContext db, IBackgroundJobClient jobs)
{
    public async Task AfterCommitAsync(LedgerItemRef item, FinishOutcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case FinishOutcome.PhaseCompleted:
                await StartNextPhaseAsync(item.RunId, item.Phase, cancellationToken).ConfigureAwait(false);
                break;
            case FinishOutcome.LateSuccess:
                jobs.Enqueue<VerifyRunJob>(JobQueues.Coordination, j => j.RunAsync(item.RunId, CancellationToken.None));
                break;
        }
    }

    public async Task StartNextPhaseAsync(Guid runId, int completedPhase, CancellationToken cancellationToken)
    {
        var next = await db.BatchPhases.Where(p => p.RunId == runId && p.Phase > completedPhase)
            .OrderBy(p => p.Phase).Select(p => new { p.Phase, p.Status }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (next is null) return;
        if (next.Phase == BatchPhases.Verify && next.Status != PhaseStatus.Pending)
        {
            // A reopened phase finished again (risk recomputed after a late success): verify the run again. Also when
            // verify has started but not finished: its job may have run while the phase was reopened and returned
            // without verifying, and its starter enqueues nothing for an item whose job is recorded.
            jobs.Enqueue<VerifyRunJob>(JobQueues.Coordination, j => j.RunAsync(runId, CancellationToken.None));
            return;
        }
        await EnqueueStarterAsync(runId, next.Phase, cancellationToken).ConfigureAwait(false);
    }

    public async Task EnqueueStarterAsync(Guid runId, int phase, CancellationToken cancellationToken)
    {
        var jobId = jobs.Enqueue<StartPhaseJob>(JobQueues.Coordination, j => j.RunAsync(runId, phase, CancellationToken.None));
        await db.BatchPhases.Where(p => p.RunId == runId && p.Phase == phase)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.StarterJobId, jobId), cancellationToken).ConfigureAwait(false);
    }
}
