using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.MarketData;

/// <summary>
/// Phase 1, one chunk of symbols: loads closes from the provider and upserts them. A symbol without a close on a
/// day of the run is a data-quality finding, not a failure of the chunk (one missing symbol must not fail others).
/// </summary>
public sealed partial class LoadMarketDataJob(
    SigmaSightDbContext db, BatchLedger ledger, PhaseAdvancer advancer, IMarketDataProvider provider,
    TradingCalendarProvider calendars, TimeProvider time, ILogger<LoadMarketDataJob> logger)
{
    [BatchJobDisplayName]
    public async Task RunAsync(Guid runId, int chunk, CancellationToken cancellationToken)
    {
        var reference = LedgerItemRef.MarketData(runId, chunk);
        if (!await ledger.BeginItemAsync(reference, cancellationToken).ConfigureAwait(false)) return;
        var run = await db.BatchRuns.AsNoTracking().SingleAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false);
        var item = await db.BatchItems.AsNoTracking()
            .SingleAsync(i => i.RunId == runId && i.Phase == reference.Phase && i.ItemKey == reference.ItemKey, cancellationToken)
            .ConfigureAwait(false);
        var symbols = item.Symbols ?? [];
        var closes = await provider.GetClosesAsync(symbols, item.ItemDate ?? run.RangeFrom, run.RangeTo, cancellationToken)
            .ConfigureAwait(false);
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);

        FinishOutcome outcome;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            var written = await PriceUpserter.UpsertAsync(db, provider.Source, closes, cancellationToken).ConfigureAwait(false);
            var findings = await MissingCloseFinder.FindAsync(db, run, symbols, closes, calendar, time.GetUtcNow(), cancellationToken)
                .ConfigureAwait(false);
            db.DataQualityFindings.AddRange(findings);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            outcome = await ledger.FinishItemAsync(reference, ItemStatus.Succeeded, null, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            LogLoaded(logger, runId, chunk, symbols.Count, written, findings.Count);
        }
        await advancer.AfterCommitAsync(reference, outcome, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Run {RunId} chunk {Chunk}: {Symbols} symbols, {Rows} price rows written, {Findings} findings")]
    private static partial void LogLoaded(ILogger logger, Guid runId, int chunk, int symbols, int rows, int findings);
}
