using Hangfire;
using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Risk;

namespace SigmaSight.Service.Batches.Planning;

/// <summary>
/// Phase 4: one item per (portfolio, analytics date) on or after the portfolio's inception: the run's requested dates,
/// and for a portfolio the run rebuilds, the invalidated days of its rebuilt range (<see cref="InvalidatedAnalytics"/>). The phase-3 starter claims this phase in its own transaction,
/// so each portfolio's risk job is a continuation of the last P&amp;L job of its chain (DESIGN §4); a portfolio with
/// nothing to write is enqueued at once. A failed P&amp;L day blocks its portfolio's risk item.
/// </summary>
public sealed class RiskPlanner(SigmaSightDbContext db, TradingCalendarProvider calendars, IBackgroundJobClient jobs) : IPhasePlanner
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
            // The P&L starter enqueues the risk continuations too, under the risk phase's own lease: the risk phase's
            // starter (enqueued when P&L completes, possibly before these job ids are recorded) must not enqueue them again.
            // The phase-4 starter may hold it for a moment; it leaves the items of chains not yet recorded to this
            // starter, so wait for it (bounded) rather than give up on them.
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
        var lastPnlJobs = await db.BatchItems.AsNoTracking()
            .Where(i => i.RunId == run.Id && i.Phase == BatchPhases.Pnl)
            .GroupBy(i => i.PortfolioId)
            .Select(g => g.OrderByDescending(i => i.ItemDate).Select(i => new { i.PortfolioId, i.HangfireJobId }).First())
            .ToDictionaryAsync(i => i.PortfolioId!.Value, i => i.HangfireJobId, cancellationToken).ConfigureAwait(false);
        var recorded = new List<(string, string)>();
        foreach (var item in items)
        {
            var (portfolio, date) = (item.PortfolioId!.Value, item.ItemDate!.Value);
            var hasChain = lastPnlJobs.TryGetValue(portfolio, out var parent);
            if (hasChain && parent is null) continue;
            // Renewed and recorded as it goes: a 10,000-portfolio phase takes minutes to enqueue, longer than the lease.
            if (!await lease.RenewAsync(cancellationToken).ConfigureAwait(false)) break;
            var jobId = hasChain
                ? jobs.ContinueJobWith<PortfolioRiskJob>(parent!, JobQueues.Analytics,
                    j => j.RunAsync(run.Id, portfolio, date, CancellationToken.None))
                : jobs.Enqueue<PortfolioRiskJob>(JobQueues.Analytics,
                    j => j.RunAsync(run.Id, portfolio, date, CancellationToken.None));
            recorded.Add((item.ItemKey, jobId));
            if (recorded.Count < RecordEvery) continue;
            await JobIdRecorder.RecordAsync(db, run.Id, Phase, recorded, cancellationToken).ConfigureAwait(false);
            recorded.Clear();
        }
        await JobIdRecorder.RecordAsync(db, run.Id, Phase, recorded, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Job ids recorded per statement: a starter that dies leaves at most this many jobs unrecorded.</summary>
    private const int RecordEvery = 100;
}
