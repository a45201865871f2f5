using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.MarketData;

/// <summary>
/// Phase 1, one chunk of symbols: loads closes and security reference data from the provider chain
/// (<see cref="MarketDataChain"/>: the primary, then each fallback for what is still missing) and upserts them, each
/// close with the source of the provider that gave it. The run's days are always fetched; earlier days of the history
/// window (the P&amp;L lookback, and <see cref="AnalyticsOptions.HistoryTradingDays"/> closes up to the run's first
/// day) only after each symbol's last stored close (<see cref="CloseRequests"/>); the fetched range is stored on the
/// item. A symbol without a close on a day of the run, a non-positive close from a provider (not stored) and an
/// implausible jump are data-quality findings, not failures of the chunk (one bad symbol must not fail others); a
/// malformed vendor answer fails the chunk naming the symbol. A stored close the provider now gives differently is
/// replaced, its holders are marked for rebuild (<see cref="PriceUpserter"/>), and it is a <c>revised</c> finding.
/// </summary>
public sealed partial class LoadMarketDataJob(
    SigmaSightDbContext db, BatchLedger ledger, PhaseAdvancer advancer, MarketDataChain chain,
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
        var stored = await StoredHistory.SpansAsync(db, symbols, windowStart, run.RangeFrom, cancellationToken).ConfigureAwait(false);
        var requests = CloseRequests.Plan(calendar, symbols, stored, windowStart, run.RangeFrom);
        var answers = new List<ProvidedCloses>();
        foreach (var request in requests)
            answers.AddRange(await chain.GetClosesAsync(calendar, request.Symbols, request.From, run.RangeTo, cancellationToken).ConfigureAwait(false));
        var securities = await chain.GetSecuritiesAsync(symbols, cancellationToken).ConfigureAwait(false);
        var sourced = answers.GroupBy(a => a.Source, StringComparer.Ordinal)
            .Select(g => (Source: g.Key, Split: NonPositiveCloses.Split(run, Merge(g.Select(a => a.Closes)), g.Key, time.GetUtcNow())))
            .ToList();
        var usable = Merge(sourced.Select(s => s.Split.Usable));
        var fetchedFrom = requests.Count == 0 ? (DateOnly?)null : requests.Min(r => r.From);

        FinishOutcome outcome;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            var (written, revised) = (0, new List<DataQualityFinding>());
            foreach (var (source, split) in sourced)
            {
                var upsert = await PriceUpserter.UpsertAsync(db, source, split.Usable, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                written += upsert.Written;
                revised.AddRange(RevisedCloseFindings.Of(run, source, upsert.Revised, time.GetUtcNow()));
            }
            await SecurityUpserter.UpsertAsync(db, securities, cancellationToken).ConfigureAwait(false);
            await db.BatchItems.Where(i => i.RunId == runId && i.Phase == reference.Phase && i.ItemKey == reference.ItemKey)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.FetchedFrom, fetchedFrom).SetProperty(i => i.FetchedTo, run.RangeTo),
                    cancellationToken).ConfigureAwait(false);
            outcome = await ledger.FinishItemAsync(reference, ItemStatus.Succeeded, null, cancellationToken).ConfigureAwait(false);
            // A duplicate delivery that finds the item already finished records no findings of its own (issue 7, 1d).
            List<DataQualityFinding> findings = outcome == FinishOutcome.AlreadyFinished ? [] :
            [
                .. sourced.SelectMany(s => s.Split.Findings),
                .. revised,
                .. await MissingCloseFinder.FindAsync(db, run, symbols, usable, calendar, chain.Description, time.GetUtcNow(), cancellationToken)
                    .ConfigureAwait(false),
                .. await JumpFinder.FindAsync(db, run, symbols, time.GetUtcNow(), cancellationToken).ConfigureAwait(false),
            ];
            await FindingWriter.AddAsync(db, findings, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            var backfilled = requests.Where(r => r.From < run.RangeFrom).Sum(r => r.Symbols.Count);
            LogLoaded(logger, runId, chunk, symbols.Count, backfilled, fetchedFrom, run.RangeTo, written, findings.Count);
        }
        await advancer.AfterCommitAsync(reference, outcome, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Run {RunId} chunk {Chunk}: {Symbols} symbols ({Backfilled} fetched from before the run for missing history), fetched {FetchedFrom:yyyy-MM-dd}..{FetchedTo:yyyy-MM-dd}, {Rows} price rows written, {Findings} findings")]
    private static partial void LogLoaded(ILogger logger, Guid runId, int chunk, int symbols, int backfilled, DateOnly? fetchedFrom,
        DateOnly fetchedTo, int rows, int findings);

    /// <summary>One symbol's closes from several answers (disjoint days) as one series per symbol.</summary>
    private static Dictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>> Merge(
        IEnumerable<IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>>> parts) =>
        parts.SelectMany(p => p).GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<KeyValuePair<DateOnly, decimal>>)[.. g.SelectMany(s => s.Value).OrderBy(c => c.Key)],
                StringComparer.Ordinal);
}
