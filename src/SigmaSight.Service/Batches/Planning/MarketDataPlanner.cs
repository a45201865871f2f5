using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Planning;

/// <summary>
/// Phase 1: one item per chunk of symbols. Each chunk freezes its symbols and the first date to load: the
/// lookback before the earliest day any portfolio of the run will process.
/// </summary>
public sealed class MarketDataPlanner(
    SigmaSightDbContext db, TradingCalendarProvider calendars, IBackgroundJobClient jobs, IOptions<BatchOptions> options,
    IOptions<AnalyticsOptions> analytics)
    : IPhasePlanner
{
    public int Phase => BatchPhases.MarketData;

    public async Task<int> PlanAsync(BatchRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        var plan = await PortfolioDates.PlanAsync(db, run, calendar, cancellationToken).ConfigureAwait(false);
        var first = plan.Values.Where(p => p.Dates.Count > 0).Select(p => p.Dates[0]).DefaultIfEmpty(run.RangeFrom).Min();
        if (run.RangeFrom < first) first = run.RangeFrom;
        var loadFrom = calendar.AddTradingDays(calendar.OnOrAfter(first), -options.Value.LookbackTradingDays);

        var symbols = await SymbolUniverse.ForScopeAsync(db, run.Scope, analytics.Value, cancellationToken).ConfigureAwait(false);
        return await SymbolChunks.PlanAsync(db, run, Phase, symbols, options.Value.ChunkSize, loadFrom, cancellationToken)
            .ConfigureAwait(false);
    }

    public Task EnqueueAsync(BatchRun run, PhaseLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return SymbolChunks.EnqueueAsync(db, run, Phase, lease,
            chunk => jobs.Enqueue<LoadMarketDataJob>(JobQueues.MarketData, j => j.RunAsync(run.Id, chunk, CancellationToken.None)),
            cancellationToken);
    }
}
