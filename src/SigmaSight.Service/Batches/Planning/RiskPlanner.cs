using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Risk;

namespace SigmaSight.Service.Batches.Planning;

/// <summary>
/// Phase 4: one item per (portfolio, analytics date) on or after the portfolio's inception: the run's requested dates,
/// and for a portfolio the run rebuilds, the invalidated days of its rebuilt range (<see cref="InvalidatedAnalytics"/>). The phase-3 starter claims this phase in its own transaction;
/// its jobs are created when phase 3 completes, on several clients at once: a plain job for a portfolio whose chain
/// succeeded, a continuation of the chain's last P&amp;L job for one that did not (DESIGN §4), so a failed P&amp;L day
/// blocks its portfolio's risk item until that job is requeued and succeeds.
/// </summary>
public sealed class RiskPlanner(
    SigmaSightDbContext db, TradingCalendarProvider calendars, IBackgroundJobClient jobs, IOptions<BatchOptions> options) : IPhasePlanner
{
    private static readonly TimeSpan LeaseRetry = TimeSpan.FromMilliseconds(250);

    public int Phase => BatchPhases.PortfolioRisk;

    public async Task<int> PlanAsync(BatchRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        var requested = AnalyticsDates.Requested(run, calendar);
        var invalidated = AnalyticsDates.Of(run, calendar).Except(requested).ToList();
        var last = requested[^1];
        var portfolios = await RunScope.Portfolios(db, run.Scope).Where(p => p.InceptionDate <= last)
            .Select(p => new { p.Id, p.InceptionDate }).ToListAsync(cancellationToken).ConfigureAwait(false);
        // A portfolio this run rebuilds from an earlier day gets that day's invalidated analytics back.
        var rebuiltFrom = invalidated.Count == 0 ? [] : await db.BatchItems.AsNoTracking()
            .Where(i => i.RunId == run.Id && i.Phase == BatchPhases.Pnl)
            .GroupBy(i => i.PortfolioId!.Value).Select(g => new { g.Key, First = g.Min(i => i.ItemDate!.Value) })
            .ToDictionaryAsync(g => g.Key, g => g.First, cancellationToken).ConfigureAwait(false);
        IEnumerable<DateOnly> DatesOf(Guid portfolio) => rebuiltFrom.TryGetValue(portfolio, out var first)
            ? requested.Union(invalidated.Where(d => d >= first)).Order()
            : requested;
        var items = portfolios.SelectMany(p => DatesOf(p.Id).Where(d => d >= p.InceptionDate)
            .Select(date => new PlannedItem(LedgerItemRef.RiskKey(p.Id, date), p.Id, date))).ToList();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await PlannedItems.InsertAsync(db, run.Id, Phase, items, cancellationToken).ConfigureAwait(false);
    }

    public async Task EnqueueAsync(BatchRun run, PhaseLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(lease);
        if (lease.Phase != Phase)
        {
            // The P&L starter, done with its chains. While phase 3 runs, phase 4 waits for it: its starter, enqueued when
            // phase 3 completes, gives a portfolio whose chain succeeded a plain job. Only when phase 3 already finished
            // (every chain failed early, before this starter recorded them) would nobody else enqueue these items, so
            // this starter does, under the risk phase's own lease. The phase-4 starter may hold it for a moment and
            // leaves the items of chains not yet recorded to this one, so wait for it (bounded) rather than give up.
            var pnl = await db.BatchPhases.AsNoTracking().Where(p => p.RunId == run.Id && p.Phase == BatchPhases.Pnl)
                .Select(p => p.Status).SingleAsync(cancellationToken).ConfigureAwait(false);
            if (!pnl.IsFinished()) return;
            var own = await PhaseLease.TryAcquireAsync(db, run.Id, Phase, lease.Duration, cancellationToken).ConfigureAwait(false);
            for (var waited = TimeSpan.Zero; own is null && waited < lease.Duration; waited += LeaseRetry)
            {
                await Task.Delay(LeaseRetry, cancellationToken).ConfigureAwait(false);
                own = await PhaseLease.TryAcquireAsync(db, run.Id, Phase, lease.Duration, cancellationToken).ConfigureAwait(false);
            }
            if (own is null) return;
            try
            {
                await EnqueueAsync(run, own, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await own.ReleaseAsync().ConfigureAwait(false);
            }
            return;
        }
        if (!await lease.RenewAsync(cancellationToken).ConfigureAwait(false)) return;
        var items = await db.BatchItems.AsNoTracking()
            .Where(i => i.RunId == run.Id && i.Phase == Phase && i.HangfireJobId == null)
            .OrderBy(i => i.PortfolioId).ThenBy(i => i.ItemDate).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (items.Count == 0) return;
        // The parent is the LAST day of the portfolio's chain. Its job id may not be recorded yet (the phase-4 starter can
        // run while the P&L starter is still recording a chain whose first day already failed and finished phase 3): then
        // the portfolio's risk items wait for the P&L starter, which enqueues them after recording every chain. Never
        // continue an earlier day: its requeue would run risk before the chain's last snapshot exists.
        var chains = await PnlChains.ReadAsync(db, run.Id, cancellationToken).ConfigureAwait(false);
        var ready = items.Where(i => !chains.TryGetValue(i.PortfolioId!.Value, out var chain) || chain.LastJobId is not null).ToList();
        await ConcurrentEnqueue.RunAsync(ready, options.Value.EnqueueClients, item => [(item.ItemKey, Enqueue(run.Id, item, chains))],
            jobIds => JobIdRecorder.RecordAsync(db, run.Id, Phase, jobIds, cancellationToken), lease, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A continuation of the chain's last P&amp;L job; a plain job when the chain has none, or when every day of it has
    /// already succeeded in the ledger (its snapshots are committed, so nothing is left to wait for, and a plain job
    /// costs Hangfire about half the statements of a continuation).
    /// </summary>
    private string Enqueue(Guid runId, BatchItem item, Dictionary<Guid, PnlChains.Chain> chains)
    {
        var (portfolio, date) = (item.PortfolioId!.Value, item.ItemDate!.Value);
        return chains.TryGetValue(portfolio, out var chain) && !chain.Succeeded
            ? jobs.ContinueJobWith<PortfolioRiskJob>(chain.LastJobId!, JobQueues.Analytics,
                j => j.RunAsync(runId, portfolio, date, CancellationToken.None))
            : jobs.Enqueue<PortfolioRiskJob>(JobQueues.Analytics, j => j.RunAsync(runId, portfolio, date, CancellationToken.None));
    }
}
