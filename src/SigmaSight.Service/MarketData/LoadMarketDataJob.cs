using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.MarketData;

/// <summary>
/// Phase 1, one chunk of symbols: loads closes and security reference data from the provider and upserts them. The
/// run's days are always fetched; earlier days of the history window (the P&amp;L lookback, and
/// <see cref="AnalyticsOptions.HistoryTradingDays"/> closes up to the run's first day) only where a symbol has
/// none stored (<see cref="CloseRequests"/>). A symbol without a close on a day of the run, a non-positive close
/// from the provider (not stored) and an implausible jump are data-quality findings, not failures of the chunk
/// (one bad symbol must not fail others).
/// </summary>
public sealed partial class LoadMarketDataJob(
    SigmaSightDbContext db, BatchLedger ledger, PhaseAdvancer advancer, IMarketDataProvider provider,
    TradingCalendarProvider calendars, IOptions<AnalyticsOptions> analytics, TestPauses pauses, TimeProvider time,
    ILogger<LoadMarketDataJob> logger)
{
    [BatchJobDisplayName]
    public async Task RunAsync(Guid runId, int chunk, CancellationToken cancellationToken)
    {
        var reference = LedgerItemRef.MarketData(runId, chunk);
        if (!await ledger.BeginItemAsync(reference, cancellationToken).ConfigureAwait(false)) return;
        await pauses.AtAsync(TestPauses.MarketData, reference.ItemKey, cancellationToken).ConfigureAwait(false);
        var run = await db.BatchRuns.AsNoTracking().SingleAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false);
        var item = await db.BatchItems.AsNoTracking()
            .SingleAsync(i => i.RunId == runId && i.Phase == reference.Phase && i.ItemKey == reference.ItemKey, cancellationToken)
            .ConfigureAwait(false);
        var symbols = item.Symbols ?? [];
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        var windowStart = CloseRequests.WindowStart(calendar, item.ItemDate, run.RangeFrom, analytics.Value.HistoryTradingDays);
        var history = calendar.TradingDays(windowStart, run.RangeFrom.AddDays(-1)).ToList();
        var firstMissing = await StoredHistory.FirstMissingAsync(db, symbols, history, cancellationToken).ConfigureAwait(false);
        var requests = CloseRequests.Plan(symbols, firstMissing, run.RangeFrom);
        var closes = new Dictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            var answer = await provider.GetClosesAsync(request.Symbols, request.From, run.RangeTo, cancellationToken).ConfigureAwait(false);
            foreach (var (symbol, series) in answer) closes[symbol] = series;
        }
        var securities = await provider.GetSecuritiesAsync(symbols, cancellationToken).ConfigureAwait(false);
        var (usable, nonPositive) = NonPositiveCloses.Split(run, closes, provider.Source, time.GetUtcNow());

        FinishOutcome outcome;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            var written = await PriceUpserter.UpsertAsync(db, provider.Source, usable, cancellationToken).ConfigureAwait(false);
            await SecurityUpserter.UpsertAsync(db, securities, cancellationToken).ConfigureAwait(false);
            outcome = await ledger.FinishItemAsync(reference, ItemStatus.Succeeded, null, cancellationToken).ConfigureAwait(false);
            // A duplicate delivery that finds the item already finished records no findings of its own (issue 7, 1d).
            List<DataQualityFinding> findings = outcome == FinishOutcome.AlreadyFinished ? [] :
            [
                .. nonPositive,
                .. await MissingCloseFinder.FindAsync(db, run, symbols, usable, calendar, provider.Source, time.GetUtcNow(), cancellationToken)
                    .ConfigureAwait(false),
                .. await JumpFinder.FindAsync(db, run, symbols, time.GetUtcNow(), cancellationToken).ConfigureAwait(false),
            ];
            await FindingWriter.AddAsync(db, findings, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            var backfilled = requests.Where(r => r.From < run.RangeFrom).Sum(r => r.Symbols.Count);
            LogLoaded(logger, runId, chunk, symbols.Count, backfilled, written, findings.Count);
        }
        await advancer.AfterCommitAsync(reference, outcome, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Run {RunId} chunk {Chunk}: {Symbols} symbols ({Backfilled} fetched from before the run for missing history), {Rows} price rows written, {Findings} findings")]
    private static partial void LogLoaded(ILogger logger, Guid runId, int chunk, int symbols, int backfilled, int rows, int findings);
}
