using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Pnl;

namespace SigmaSight.Service.Batches.Planning;

/// <summary>
/// Phase 3: one item per (portfolio, trading day); each portfolio's days form a chain of jobs of
/// <see cref="BatchOptions.PnlDaysPerJob"/> days each, linked with continuations, and phase 4 claimed with them so each portfolio's risk job continues its chain (<see cref="RiskPlanner"/>).
/// </summary>
public sealed partial class PnlPlanner(
    SigmaSightDbContext db, TradingCalendarProvider calendars, IBackgroundJobClient jobs, RiskPlanner risk,
    IOptions<BatchOptions> options, TimeProvider time, ILogger<PnlPlanner> logger)
    : IPhasePlanner
{
    public int Phase => BatchPhases.Pnl;

    public async Task<int> PlanAsync(BatchRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        var plan = await AnalyticsSafeRebuilds.DeferAsync(db, run, await PortfolioDates.PlanAsync(db, run, calendar, cancellationToken)
            .ConfigureAwait(false), AnalyticsDates.Of(run, calendar), calendar, cancellationToken).ConfigureAwait(false);
        foreach (var (portfolioId, rebuild) in plan.Where(p => p.Value.RebuildFrom is not null))
        {
            await DeleteSnapshotsFromAsync(run.Id, portfolioId, rebuild.RebuildFrom!.Value, cancellationToken).ConfigureAwait(false);
            if (rebuild.Reason == RebuildReason.LateClose) LogLateClose(logger, run.Id, portfolioId, rebuild.RebuildFrom.Value);
            if (rebuild.Reason == RebuildReason.Import) LogImported(logger, run.Id, portfolioId, rebuild.RebuildFrom.Value);
        }
        foreach (var (portfolioId, deferred) in plan.Where(p => p.Value.Deferred is not null).Select(p => (p.Key, p.Value.Deferred!)))
            LogDeferred(logger, run.Id, portfolioId, deferred.From, deferred.Cause);
        await DeferredRebuildFindings.AddAsync(db, run, plan, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        // Corrected closes whose days this run now (re)builds are settled by it.
        await LateCloses.ClearPlannedAsync(db, plan.Where(p => p.Value.Dates.Count > 0).ToDictionary(p => p.Key, p => p.Value.Dates[0]),
            cancellationToken).ConfigureAwait(false);
        await ClearPendingRebuildsAsync(plan, cancellationToken).ConfigureAwait(false);
        var items = plan.SelectMany(p => p.Value.Dates.Select(date => new PlannedItem(LedgerItemRef.PnlKey(p.Key, date), p.Key, date)))
            .ToList();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var planned = await PlannedItems.InsertAsync(db, run.Id, Phase, items, cancellationToken).ConfigureAwait(false);
        await PhaseClaim.ClaimAsync(db, run, risk, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return planned;
    }

    public async Task EnqueueAsync(BatchRun run, PhaseLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(lease);
        var items = await db.BatchItems.AsNoTracking()
            .Where(i => i.RunId == run.Id && i.Phase == Phase)
            .OrderBy(i => i.PortfolioId).ThenBy(i => i.ItemDate)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var daysPerJob = options.Value.PnlDaysPerJob;
        var chains = items.GroupBy(i => i.PortfolioId!.Value).Where(c => c.Any(i => i.HangfireJobId is null))
            .Select(c => c.ToArray()).ToList();
        // A chain is created by one client, its slices in order; recorded in batches of chains, so a starter that dies
        // midway re-enqueues only the chains it had not recorded (the ledger makes a job created twice do its days once).
        var held = await ConcurrentEnqueue.RunAsync(chains, options.Value.EnqueueClients, chain => EnqueueChain(run.Id, chain, daysPerJob),
            jobIds => JobIdRecorder.RecordAsync(db, run.Id, Phase, jobIds, cancellationToken), lease, cancellationToken).ConfigureAwait(false);
        if (!held) return;
        await risk.EnqueueAsync(run, lease, cancellationToken).ConfigureAwait(false);
    }

    private List<(string ItemKey, string JobId)> EnqueueChain(Guid runId, BatchItem[] chain, int daysPerJob)
    {
        var created = new List<(string, string)>();
        string? previous = null;
        foreach (var slice in chain.Chunk(daysPerJob))
        {
            // A slice a job already took (it links its items when it starts) keeps that job.
            if (slice.FirstOrDefault(i => i.HangfireJobId is not null)?.HangfireJobId is { } taken)
            {
                previous = taken;
                created.AddRange(slice.Where(i => i.HangfireJobId is null).Select(i => (i.ItemKey, taken)));
                continue;
            }
            previous = EnqueueSlice(runId, slice[0].PortfolioId!.Value, slice[0].ItemDate!.Value, slice[^1].ItemDate!.Value, previous);
            created.AddRange(slice.Select(i => (i.ItemKey, previous)));
        }
        return created;
    }

    /// <summary>One job per day when a slice is one day (the dashboard then names the day), else one per slice.</summary>
    private string EnqueueSlice(Guid runId, Guid portfolio, DateOnly from, DateOnly to, string? previous)
    {
        if (from == to)
            return previous is null
                ? jobs.Enqueue<CalculatePnlJob>(JobQueues.Portfolio, j => j.RunAsync(runId, portfolio, from, CancellationToken.None))
                : jobs.ContinueJobWith<CalculatePnlJob>(previous, JobQueues.Portfolio, j => j.RunAsync(runId, portfolio, from, CancellationToken.None));
        return previous is null
            ? jobs.Enqueue<CalculatePnlJob>(JobQueues.Portfolio, j => j.RunDaysAsync(runId, portfolio, from, to, CancellationToken.None))
            : jobs.ContinueJobWith<CalculatePnlJob>(previous, JobQueues.Portfolio, j => j.RunDaysAsync(runId, portfolio, from, to, CancellationToken.None));
    }

    private async Task DeleteSnapshotsFromAsync(Guid runId, Guid portfolioId, DateOnly from, CancellationToken cancellationToken)
    {
        // The P&L jobs' lock: a chain of another run never sees a half-deleted history.
        await PortfolioLock.AcquireAsync(db, portfolioId, cancellationToken).ConfigureAwait(false);
        await db.PositionValues.Where(v => v.PortfolioId == portfolioId && v.ValueDate >= from)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await Diff.FigureVersions.ArchiveSnapshotsFromAsync(db, portfolioId, from, runId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        // The equity balance is the NAV of the latest snapshot: after the deletion that is an earlier one (or none), so
        // a rebuild whose first day then fails never leaves a deleted NAV behind (issue 7, 1b).
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE sigmasight.portfolios SET equity_balance =
                   (SELECT s.equity_balance FROM sigmasight.portfolio_snapshots s
                     WHERE s.portfolio_id = {portfolioId} ORDER BY s.snapshot_date DESC LIMIT 1)
             WHERE id = {portfolioId}
            """, cancellationToken).ConfigureAwait(false);
        // Risk figures of those days describe the deleted snapshots: they go too (phase 4 recomputes the run's date).
        await Risk.Portfolios.RiskWriter.DeleteAsync(db, portfolioId, from, cancellationToken, onlyThatDay: false).ConfigureAwait(false);
    }

    /// <summary>
    /// An import's pending rebuild is done by this run when its chain starts on or before that date (everything from
    /// there is deleted above and recomputed from the lots as they are now); one set after this plan stays.
    /// </summary>
    private Task ClearPendingRebuildsAsync(IReadOnlyDictionary<Guid, PortfolioPlan> plan, CancellationToken cancellationToken)
    {
        if (plan.Count == 0) return Task.CompletedTask;
        var (ids, starts) = (plan.Keys.ToArray(), plan.Values.Select(p => p.Start).ToArray());
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE sigmasight.portfolios p SET rebuild_from = NULL FROM unnest({ids}, {starts}) AS x(id, start)
             WHERE p.id = x.id AND p.rebuild_from >= x.start
            """, cancellationToken);
    }

    [LoggerMessage(EventId = 1602, Level = LogLevel.Information,
        Message = "Run {RunId}: portfolio {PortfolioId} is rebuilt from {Date:yyyy-MM-dd}: a portfolio import changed its lots or flows there")]
    private static partial void LogImported(ILogger logger, Guid runId, Guid portfolioId, DateOnly date);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Warning,
        Message = "Run {RunId}: portfolio {PortfolioId} is due for a rebuild from {Date:yyyy-MM-dd}, left pending ({Cause})")]
    private static partial void LogDeferred(ILogger logger, Guid runId, Guid portfolioId, DateOnly date, DeferralCause cause);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Information,
        Message = "Run {RunId}: portfolio {PortfolioId} is rebuilt from {Date:yyyy-MM-dd}: a close it was valued without has arrived or was corrected")]
    private static partial void LogLateClose(ILogger logger, Guid runId, Guid portfolioId, DateOnly date);
}
