using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Risk;

namespace SigmaSight.Service.Batches.Planning;

/// <summary>
/// Phase 2: one item per chunk of symbols (held symbols, option underlyings and the factor proxies), each computing
/// every symbol figure once per analytics date of the run (<see cref="AnalyticsDates"/>), never per holding.
/// </summary>
public sealed class SymbolAnalyticsPlanner(
    SigmaSightDbContext db, TradingCalendarProvider calendars, IBackgroundJobClient jobs, IOptions<BatchOptions> options,
    IOptions<AnalyticsOptions> analytics)
    : IPhasePlanner
{
    public int Phase => BatchPhases.SymbolAnalytics;

    public async Task<int> PlanAsync(BatchRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        // The run's analytics dates are fixed here, before phase 3 deletes what its rebuilds invalidate.
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        var invalidated = await InvalidatedAnalytics.DatesAsync(db, run, calendar, cancellationToken).ConfigureAwait(false);
        DateOnly[] dates = [.. AnalyticsDates.Requested(run, calendar).Union(invalidated).Order()];
        run.PlannedAnalyticsDates = dates;
        await db.BatchRuns.Where(r => r.Id == run.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.PlannedAnalyticsDates, dates), cancellationToken).ConfigureAwait(false);
        var symbols = await SymbolUniverse.ForScopeAsync(db, run.Scope, analytics.Value, cancellationToken).ConfigureAwait(false);
        return await SymbolChunks.PlanAsync(db, run, Phase, symbols, options.Value.ChunkSize, run.RangeTo, cancellationToken)
            .ConfigureAwait(false);
    }

    public Task EnqueueAsync(BatchRun run, PhaseLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return SymbolChunks.EnqueueAsync(db, run, Phase, lease,
            chunk => jobs.Enqueue<SymbolAnalyticsJob>(JobQueues.Analytics, j => j.RunAsync(run.Id, chunk, CancellationToken.None)),
            cancellationToken);
    }
}
