using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Analytics.Pnl;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Pnl;

/// <summary>
/// Phase 3, one (portfolio, date) after the other: rolls equity forward (docs/pnl-model.md) and writes the snapshot, the position values,
/// the portfolio's equity balance and the ledger item in ONE transaction, under the portfolio's advisory lock.
/// </summary>
public sealed partial class CalculatePnlJob(
    SigmaSightDbContext db, BatchLedger ledger, PhaseAdvancer advancer, PnlInputLoader loader,
    IOptions<BatchOptions> options, TestPauses pauses, TimeProvider time,
    ILogger<CalculatePnlJob> logger)
{
    /// <summary>One day: the job of a chain planned one day per job (<see cref="BatchOptions.PnlDaysPerJob"/> = 1).</summary>
    [BatchJobDisplayName]
    public Task RunAsync(Guid runId, Guid portfolioId, DateOnly date, CancellationToken cancellationToken) =>
        DayAsync(runId, portfolioId, date, cancellationToken);

    /// <summary>
    /// A slice of the chain: the run's items of the portfolio dated <paramref name="from"/>..<paramref name="to"/>, in
    /// order, each day in its own transaction with its own ledger item. A retry or a requeue skips the days already
    /// written and resumes at the first one that is not; a day that throws stops the slice (and the chain) there.
    /// </summary>
    [BatchJobDisplayName]
    public async Task RunDaysAsync(Guid runId, Guid portfolioId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var dates = await db.BatchItems.AsNoTracking()
            .Where(i => i.RunId == runId && i.Phase == BatchPhases.Pnl && i.PortfolioId == portfolioId && i.ItemDate >= from && i.ItemDate <= to)
            .OrderBy(i => i.ItemDate).Select(i => i.ItemDate!.Value).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var date in dates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await DayAsync(runId, portfolioId, date, cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
        }
    }

    private async Task DayAsync(Guid runId, Guid portfolioId, DateOnly date, CancellationToken cancellationToken)
    {
        // A span per day under the job's span (a slice job computes many): run, portfolio and date, like a one-day job's.
        using var span = Observability.BatchTelemetry.Source.StartActivity("CalculatePnlDay");
        span?.SetTag("sigmasight.run_id", runId).SetTag("sigmasight.portfolio_id", portfolioId)
            .SetTag("sigmasight.date", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var reference = LedgerItemRef.Pnl(runId, portfolioId, date);
        if (!await ledger.BeginItemAsync(reference, cancellationToken).ConfigureAwait(false)) return;
        var delay = options.Value.TestPnlDelay;
        if (delay > TimeSpan.Zero) await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);

        FinishOutcome outcome;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            // Inputs are read under the portfolio's lock, the batch's first command: a recompute's deletion (taken under the
            // same lock) and the correction committed before it are always seen, never positions read before them (issue 7, 1a).
            var read = await PnlInputBatch.ReadAsync((NpgsqlConnection)db.Database.GetDbConnection(), reference, portfolioId, date,
                loader.PlannedWindow(date), cancellationToken).ConfigureAwait(false);
            if (read.AlreadySucceeded) return;
            var calendar = new NyseCalendar(read.Closures);
            var inputs = await loader.LoadAsync(read, portfolioId, date, calendar, cancellationToken).ConfigureAwait(false);
            if (read.Existing is { } existing)
            {
                // Written (atomically, with its own ledger item) by another run's chain: adopt it, never write twice —
                // but only what this run can trust: its own, or written after it started (so after any deletion it made).
                var run = await db.BatchRuns.AsNoTracking().SingleAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false);
                if (existing.RunId != runId && existing.CreatedAt < run.StartedAt)
                    throw new NonTransientBatchException($"out of order: the snapshot of {inputs.Portfolio.Name} on {date:yyyy-MM-dd} was " +
                        $"written by run {existing.RunId} before run {runId} started; it cannot be adopted");
                outcome = await ledger.FinishItemAsync(reference, ItemStatus.Succeeded, null, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                LogAdopted(logger, inputs.Portfolio.Name, date);
                await advancer.AfterCommitAsync(reference, outcome, cancellationToken).ConfigureAwait(false);
                return;
            }

            var previous = read.Previous;
            var settings = new PnlSettings(options.Value.RiskFreeRate, options.Value.StaleWindowTradingDays);
            var day = new PortfolioDay(inputs.Portfolio.Name, date, inputs.Portfolio.InceptionDate, inputs.Lots,
                inputs.Flows, inputs.Valuations, inputs.Prices, previous, settings);
            var result = DailyPnlCalculator.Calculate(day, calendar);

            // The day's rows and the ledger item's success in one round trip.
            var remaining = await SnapshotWriter.WriteAsync(db, portfolioId, runId, result, time.GetUtcNow(),
                ledger.SuccessCommand(reference), cancellationToken).ConfigureAwait(false);
            outcome = await ledger.AfterSuccessAsync(reference, remaining, cancellationToken).ConfigureAwait(false);
            await pauses.AtAsync(TestPauses.PnlTransaction, reference.ItemKey, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            LogSnapshot(logger, inputs.Portfolio.Name, date, result.Nav, result.DailyPnl);
        }
        await pauses.AtAsync(TestPauses.AfterCommit, $"{reference.ItemKey} {outcome}", cancellationToken).ConfigureAwait(false);
        await advancer.AfterCommitAsync(reference, outcome, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information,
        Message = "Snapshot {Portfolio} {Date:yyyy-MM-dd} already written by another run: adopted")]
    private static partial void LogAdopted(ILogger logger, string portfolio, DateOnly date);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Snapshot {Portfolio} {Date:yyyy-MM-dd}: NAV {Nav}, daily P&L {DailyPnl}")]
    private static partial void LogSnapshot(ILogger logger, string portfolio, DateOnly date, decimal nav, decimal dailyPnl);
}
