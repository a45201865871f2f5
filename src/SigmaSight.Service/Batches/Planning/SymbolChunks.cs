using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Planning;

/// <summary>The items of a phase that works per chunk of symbols (market data, symbol analytics): one per chunk, its symbols frozen.</summary>
internal static class SymbolChunks
{
    public static async Task<int> PlanAsync(SigmaSightDbContext db, BatchRun run, int phase, IReadOnlyList<string> symbols,
        int chunkSize, DateOnly itemDate, CancellationToken cancellationToken)
    {
        var items = symbols.Chunk(chunkSize).Select((chunk, index) => new BatchItem
        {
            RunId = run.Id,
            Phase = phase,
            ItemKey = LedgerItemRef.ChunkKey(index),
            Status = ItemStatus.Pending,
            ItemDate = itemDate,
            Symbols = [.. chunk],
        }).ToList();
        db.BatchItems.AddRange(items);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return items.Count;
    }

    /// <summary>Enqueues a job (by chunk number) for every chunk item of the phase that has none yet, and records the ids.</summary>
    public static async Task EnqueueAsync(SigmaSightDbContext db, BatchRun run, int phase, PhaseLease lease, Func<int, string> enqueue,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var keys = await db.BatchItems.AsNoTracking()
            .Where(i => i.RunId == run.Id && i.Phase == phase && i.HangfireJobId == null)
            .Select(i => i.ItemKey).ToListAsync(cancellationToken).ConfigureAwait(false);
        // Recorded per batch of chunks, the lease renewed in between: a starter that dies midway leaves only its last batch to redo.
        foreach (var batch in keys.Order(StringComparer.Ordinal).Chunk(RecordBatch))
        {
            if (!await lease.RenewAsync(cancellationToken).ConfigureAwait(false)) return;
            var recorded = batch
                .Select(key => (key, enqueue(int.Parse(key["chunk-".Length..], System.Globalization.CultureInfo.InvariantCulture))))
                .ToList();
            await JobIdRecorder.RecordAsync(db, run.Id, phase, recorded, cancellationToken).ConfigureAwait(false);
        }
    }

    private const int RecordBatch = 50;
}
