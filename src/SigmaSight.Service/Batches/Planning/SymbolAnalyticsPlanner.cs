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
public sealed class SymbolAnalyticsPlanner(SigmaSightDbContext db, IBackgroundJobClient jobs, IOptions<BatchOptions> options)
    : IPhasePlanner
{
    public int Phase => BatchPhases.SymbolAnalytics;

    public async Task<int> PlanAsync(BatchRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var symbols = await SymbolUniverse.ForScopeAsync(db, run.Scope, cancellationToken).ConfigureAwait(false);
        var items = symbols.Chunk(options.Value.ChunkSize).Select((chunk, index) => new BatchItem
        {
            RunId = run.Id,
            Phase = Phase,
            ItemKey = LedgerItemRef.ChunkKey(index),
            Status = ItemStatus.Pending,
            ItemDate = run.RangeTo,
            Symbols = [.. chunk],
        }).ToList();
        db.BatchItems.AddRange(items);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return items.Count;
    }

    public async Task EnqueueAsync(BatchRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var keys = await db.BatchItems.AsNoTracking()
            .Where(i => i.RunId == run.Id && i.Phase == Phase && i.HangfireJobId == null)
            .Select(i => i.ItemKey).ToListAsync(cancellationToken).ConfigureAwait(false);
        var recorded = keys.Order(StringComparer.Ordinal).Select(key =>
        {
            var chunk = int.Parse(key["chunk-".Length..], System.Globalization.CultureInfo.InvariantCulture);
            return (key, jobs.Enqueue<SymbolAnalyticsJob>(JobQueues.Analytics,
                j => j.RunAsync(run.Id, chunk, CancellationToken.None)));
        }).ToList();
        await JobIdRecorder.RecordAsync(db, run.Id, Phase, recorded, cancellationToken).ConfigureAwait(false);
    }
}
