using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Repair;

/// <summary>
/// The safety net of the ledger (DESIGN §4): restores phases with no live starter, fails items whose Hangfire job is
/// Failed, Deleted or gone (which blocks their chain), and enqueues continuations still Awaiting after their parent
/// Succeeded. Every repair is idempotent: a pass over a healthy ledger changes nothing.
/// </summary>
public sealed partial class Reconciler(
    SigmaSightDbContext db, BatchLedger ledger, PhaseAdvancer advancer, JobStorage storage, IBackgroundJobClient jobs,
    StrandedWork stranded, IOptions<ScheduleOptions> options, TimeProvider time, ILogger<Reconciler> logger)
{
    internal static readonly string[] DeadStates = [FailedState.StateName, DeletedState.StateName];

    /// <summary>The key of the session advisory lock one reconciler pass holds across every host.</summary>
    public const string LockKey = "sigmasight:reconciler";

    /// <summary>
    /// One pass, under a session advisory try-lock (issue 7, 1f): a pass that finds another one running skips at once
    /// instead of waiting or overlapping; the lock goes with the session if the host dies mid-pass.
    /// </summary>
    public async Task<ReconcileReport> ReconcileAsync(CancellationToken cancellationToken)
    {
        var report = new ReconcileReport();
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock(hashtextextended({LockKey}, 0)) AS \"Value\"")
                .SingleAsync(cancellationToken).ConfigureAwait(false);
            if (!locked)
            {
                report.Skip("another reconciler pass holds the lock");
                LogSkipped(logger);
                return report;
            }
            try
            {
                await PassAsync(report, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_unlock(hashtextextended({LockKey}, 0))", CancellationToken.None)
                    .ConfigureAwait(false);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
        return report;
    }

    private async Task PassAsync(ReconcileReport report, CancellationToken cancellationToken)
    {
        var runs = await db.BatchRuns.AsNoTracking().Where(r => r.Status == RunStatus.Running && r.SupersededBy == null)
            .Select(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        using var connection = storage.GetConnection();
        foreach (var runId in runs)
        {
            await RestorePhaseAsync(runId, connection, report, cancellationToken).ConfigureAwait(false);
            await RepairItemsAsync(runId, report, cancellationToken).ConfigureAwait(false);
        }
        await stranded.RepairAsync(report, cancellationToken).ConfigureAwait(false);
        if (report.Total > 0) LogRepaired(logger, report.ToString());
    }

    private async Task RestorePhaseAsync(Guid runId, Hangfire.Storage.IStorageConnection connection, ReconcileReport report,
        CancellationToken cancellationToken)
    {
        var phases = await db.BatchPhases.AsNoTracking().Where(p => p.RunId == runId).OrderBy(p => p.Phase)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var current = phases.FirstOrDefault(p => !p.Status.IsFinished());
        if (current is null)
        {
            jobs.Enqueue<VerifyRunJob>(JobQueues.Coordination, j => j.RunAsync(runId, CancellationToken.None));
            report.Add($"run {runId}: every phase completed but the run is still Running: verify enqueued");
            return;
        }
        if (await WithinGraceAsync(runId, current, phases, cancellationToken).ConfigureAwait(false)) return;
        var starterState = current.StarterJobId is null ? null : connection.GetStateData(current.StarterJobId)?.Name;
        var starterLive = starterState is not null && !DeadStates.Contains(starterState) && starterState != SucceededState.StateName;
        var unenqueued = current.Status == PhaseStatus.Running && await db.BatchItems.AnyAsync(
            i => i.RunId == runId && i.Phase == current.Phase && i.HangfireJobId == null, cancellationToken).ConfigureAwait(false);
        if ((current.Status == PhaseStatus.Pending && !starterLive) || (unenqueued && !starterLive))
        {
            await advancer.EnqueueStarterAsync(runId, current.Phase, cancellationToken).ConfigureAwait(false);
            report.Add($"run {runId}: phase {current.Name} had no live starter (job {current.StarterJobId ?? "none"} is {starterState ?? "gone"}): starter enqueued");
        }
    }

    /// <summary>
    /// A phase that became due less than <see cref="ScheduleOptions.RepairGrace"/> ago (its starter's id may not be
    /// committed yet), or whose enqueue lease is still held, belongs to its starter: the reconciler adds none (1d).
    /// </summary>
    private async Task<bool> WithinGraceAsync(Guid runId, BatchPhase current, List<BatchPhase> phases, CancellationToken cancellationToken)
    {
        if (current.EnqueueLeaseUntil is { } lease && lease > await WallClockAsync(cancellationToken).ConfigureAwait(false)) return true;
        if (current.Status != PhaseStatus.Pending || options.Value.RepairGrace <= TimeSpan.Zero) return false;
        var due = phases.LastOrDefault(p => p.Phase < current.Phase)?.FinishedAt
            ?? await db.BatchRuns.Where(r => r.Id == runId).Select(r => r.StartedAt).SingleAsync(cancellationToken).ConfigureAwait(false);
        return due is { } since && time.GetUtcNow() - since < options.Value.RepairGrace;
    }

    private Task<DateTimeOffset> WallClockAsync(CancellationToken cancellationToken) =>
        db.Database.SqlQuery<DateTimeOffset>($"SELECT now() AS \"Value\"").SingleAsync(cancellationToken);

    private async Task RepairItemsAsync(Guid runId, ReconcileReport report, CancellationToken cancellationToken)
    {
        var rows = await OpenItemJobs.ReadAsync(db, runId, options.Value.StuckAwaitingAfter, cancellationToken).ConfigureAwait(false);
        foreach (var item in rows)
        {
            var state = item.State;
            if (item.Phase == BatchPhases.Verify)
            {
                // An open verify whose job is dead is started again (the run would otherwise stay Running), issue 7 1c.
                if (!item.Dead) continue;
                var verify = jobs.Enqueue<VerifyRunJob>(JobQueues.Coordination, j => j.RunAsync(runId, CancellationToken.None));
                await Planning.JobIdRecorder.RecordAsync(db, runId, BatchPhases.Verify, [(item.ItemKey, verify)], cancellationToken)
                    .ConfigureAwait(false);
                report.Add($"run {runId}: verify job {item.HangfireJobId} is {state ?? "gone"}: verify enqueued as job {verify}");
                continue;
            }
            if (item.Dead)
            {
                await FailAsync(new LedgerItemRef(runId, item.Phase, item.ItemKey),
                    $"Hangfire job {item.HangfireJobId} is {state ?? "gone"}", cancellationToken).ConfigureAwait(false);
                report.Add($"{item.ItemKey}: job {item.HangfireJobId} {state ?? "gone"}: item failed");
            }
            else if (item.ReleasableContinuation)
            {
                var queue = item.Phase switch
                {
                    BatchPhases.Pnl => JobQueues.Portfolio,
                    BatchPhases.SymbolAnalytics or BatchPhases.PortfolioRisk => JobQueues.Analytics,
                    _ => JobQueues.MarketData,
                };
                if (jobs.ChangeState(item.HangfireJobId, new EnqueuedState(queue) { Reason = "reconciler: parent succeeded" },
                        AwaitingState.StateName))
                    report.Add($"{item.ItemKey}: continuation {item.HangfireJobId} stuck Awaiting after its parent succeeded: enqueued");
            }
        }
    }

    private async Task FailAsync(LedgerItemRef item, string reason, CancellationToken cancellationToken)
    {
        FinishOutcome outcome;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            outcome = await ledger.FinishItemAsync(item, ItemStatus.Failed, reason, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        await advancer.AfterCommitAsync(item, outcome, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1503, Level = LogLevel.Debug, Message = "Reconciler pass skipped: another pass holds the lock")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Warning, Message = "Reconciler repaired: {Report}")]
    private static partial void LogRepaired(ILogger logger, string report);
}
