using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Risk.Symbols;

namespace SigmaSight.Service.Risk;

/// <summary>
/// Phase 2, one chunk of symbols: every symbol figure (betas, style and spread exposures, volatility profile) as of
/// the run's analytics date, upserted with the ledger item in one transaction. A symbol whose figures cannot be
/// computed at all (bad data) fails the job naming it, after the chunk's other symbols are stored; a re-run
/// rewrites them. A late success reopens the run's portfolio risk so it is recomputed with the repaired figures.
/// </summary>
public sealed partial class SymbolAnalyticsJob(
    SigmaSightDbContext db, BatchLedger ledger, PhaseAdvancer advancer, TradingCalendarProvider calendars,
    CloseHistoryCache closeCache, IOptionsMonitor<AnalyticsOptions> options, TestPauses pauses, ILogger<SymbolAnalyticsJob> logger)
{
    [BatchJobDisplayName]
    public async Task RunAsync(Guid runId, int chunk, CancellationToken cancellationToken)
    {
        var reference = LedgerItemRef.SymbolAnalytics(runId, chunk);
        if (!await ledger.BeginItemAsync(reference, cancellationToken).ConfigureAwait(false)) return;
        await pauses.AtAsync(TestPauses.SymbolAnalytics, reference.ItemKey, cancellationToken).ConfigureAwait(false);
        var item = await db.BatchItems.AsNoTracking()
            .SingleAsync(i => i.RunId == runId && i.Phase == reference.Phase && i.ItemKey == reference.ItemKey, cancellationToken)
            .ConfigureAwait(false);
        var run = await db.BatchRuns.AsNoTracking().SingleAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false);
        var symbols = item.Symbols ?? [];
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        var dates = AnalyticsDates.Of(run, calendar);
        var factors = await db.FactorDefinitions.AsNoTracking().Where(f => f.IsActive).OrderBy(f => f.DisplayOrder)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var settings = options.CurrentValue;
        var (closes, from) = await CloseHistory.ForSymbolAnalyticsAsync(db, symbols, factors, settings, calendar, dates, cancellationToken)
            .ConfigureAwait(false);
        // One analytics date (a nightly): the window is the one each portfolio-risk job of the run reads.
        if (dates.Count == 1) closeCache.Store(runId, closes, from, dates[0]);

        var figures = new SymbolFigures(factors, settings);
        var exposures = new List<SymbolFactorExposure>();
        var volatility = new List<SymbolVolatility>();
        var failures = new List<string>();
        foreach (var symbol in symbols)
        {
            try
            {
                if (settings.TestFailSymbols.Contains(symbol, StringComparer.Ordinal))
                    throw new InvalidDataException("injected failure (Analytics:TestFailSymbols)");
                foreach (var asOf in dates)
                {
                    var (rows, vol) = figures.Compute(symbol, closes, asOf);
                    exposures.AddRange(rows);
                    volatility.Add(vol);
                }
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException or InvalidOperationException or ArithmeticException)
            {
                // Recorded and rethrown below, once the chunk's other symbols are stored.
                failures.Add($"{symbol}: {e.Message}");
            }
        }

        FinishOutcome outcome;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            await SymbolRows.ReplaceAsync(db, symbols, dates, exposures, volatility, cancellationToken).ConfigureAwait(false);
            if (failures.Count > 0)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                throw new SymbolAnalyticsException($"symbol analytics failed for {failures.Count} of {symbols.Count} symbol(s) " +
                    $"as of {dates[^1]:yyyy-MM-dd}: {string.Join("; ", failures)}");
            }
            outcome = await ledger.FinishItemAsync(reference, ItemStatus.Succeeded, null, cancellationToken).ConfigureAwait(false);
            if (outcome is FinishOutcome.LateSuccess or FinishOutcome.LateSuccessVerifyPending)
                await RiskReopener.ReopenAsync(db, runId, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        LogComputed(logger, runId, chunk, symbols.Count, dates.Count, dates[^1]);
        if (outcome is FinishOutcome.LateSuccess or FinishOutcome.LateSuccessVerifyPending)
            await advancer.EnqueueStarterAsync(runId, BatchPhases.PortfolioRisk, cancellationToken).ConfigureAwait(false);
        await advancer.AfterCommitAsync(reference, outcome, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information,
        Message = "Run {RunId} symbol analytics chunk {Chunk}: {Symbols} symbols for {Days} day(s) through {AsOf:yyyy-MM-dd}")]
    private static partial void LogComputed(ILogger logger, Guid runId, int chunk, int symbols, int days, DateOnly asOf);
}

/// <summary>A symbol's analytics could not be computed (bad data): retried per the policy, then Failed, naming the symbols.</summary>
public sealed class SymbolAnalyticsException(string message) : Exception(message);
