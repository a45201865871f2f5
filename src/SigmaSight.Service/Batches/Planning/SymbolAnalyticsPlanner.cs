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
public sealed class SymbolAnalyticsPlanner(SigmaSightDbContext db, IBackgroundJobClient jobs, IOptions<BatchOptions> options,
    IOptions<AnalyticsOptions> analytics)
    : IPhasePlanner
{
    public int Phase => BatchPhases.SymbolAnalytics;

    public async Task<int> PlanAsync(BatchRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
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
