using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Verification;

/// <summary>
/// Checks a run from the data itself: every planned snapshot exists, no item is unfinished or failed, no stale
/// price was used, no missing close is still missing and no provider close was non-positive. Each problem names what
/// and why. It also records the run's stale, unvalued and insufficient-history findings.
/// </summary>
public sealed class RunVerifier(SigmaSightDbContext db, RunCoverage coverage, TradingCalendarProvider calendars,
    IOptions<AnalyticsOptions> analytics, IOptions<BatchOptions> batch)
{
    public async Task<VerificationResult> VerifyAsync(BatchRun run, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var problems = new List<string>();
        var items = await db.BatchItems.AsNoTracking().Where(i => i.RunId == run.Id && i.Phase != BatchPhases.Verify)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var names = await db.Portfolios.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken)
            .ConfigureAwait(false);
        string Name(Guid? id) => id is { } p ? names.GetValueOrDefault(p, p.ToString()) : "?";
        string Describe(BatchItem i) => i.PortfolioId is not null
            ? $"{BatchPhases.Name(i.Phase)} {Name(i.PortfolioId)} on {i.ItemDate:yyyy-MM-dd}"
            : $"{BatchPhases.Name(i.Phase)} {i.ItemKey}";

        foreach (var failed in items.Where(i => i.Status == ItemStatus.Failed))
            problems.Add($"failed: {Describe(failed)}: {failed.Error}");
        foreach (var chain in items.Where(i => i.Status == ItemStatus.Blocked).GroupBy(i => i.PortfolioId))
            problems.Add($"blocked: {chain.Count()} later day(s) of {Name(chain.Key)} after its failure");
        foreach (var open in items.Where(i => i.Status is ItemStatus.Pending or ItemStatus.Running))
            problems.Add($"unfinished: {Describe(open)} is {open.Status}");

        var expected = items.Where(i => i.Phase == BatchPhases.Pnl && i.Status == ItemStatus.Succeeded).ToList();
        var missing = await MissingSnapshotsAsync(expected, cancellationToken).ConfigureAwait(false);
        problems.AddRange(missing.Select(i => $"missing snapshot: {Describe(i)} succeeded in the ledger but has no snapshot"));

        // The range's promise, whoever wrote the snapshots: a day this run did not plan (adopted, written earlier or
        // deleted since) still counts. Days of items already named above (failed, blocked, unfinished) are not repeated.
        var range = await coverage.CheckAsync(run.Scope, run.RangeFrom, run.RangeTo, cancellationToken).ConfigureAwait(false);
        var named = items.Where(i => i.Phase == BatchPhases.Pnl && i.Status != ItemStatus.Succeeded)
            .Concat(missing).Select(i => (i.PortfolioId, i.ItemDate)).ToHashSet();
        var elsewhere = await BeingRebuiltElsewhereAsync(run, range, cancellationToken).ConfigureAwait(false);
        var unplanned = range with
        {
            Missing = [.. range.Missing.Where(m => !named.Contains((m.PortfolioId, m.Date)) && !elsewhere.Contains((m.PortfolioId, m.Date)))],
        };
        problems.AddRange(unplanned.Describe());
        if (range.Portfolios == 0)
            problems.Add($"nothing to verify: no active portfolio in scope {run.Scope} on {run.RangeFrom:yyyy-MM-dd}..{run.RangeTo:yyyy-MM-dd}");

        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        var busy = await PortfoliosBusyElsewhereAsync(run, cancellationToken).ConfigureAwait(false);
        var (analytics, insufficient) = await AnalyticsCheck.CheckAsync(db, run, calendar, cancellationToken, busy).ConfigureAwait(false);
        problems.AddRange(analytics);
        await RecordInsufficientHistoryAsync(run, insufficient, names, now, cancellationToken).ConfigureAwait(false);

        var stale = await StaleFindings.RecordAsync(db, run, expected, calendar, now, cancellationToken).ConfigureAwait(false);
        problems.AddRange(stale.Select(f => $"stale price ({f.Severity}): {f.Detail}"));
        problems.AddRange(await UnresolvedMissingClosesAsync(run, cancellationToken).ConfigureAwait(false));
        problems.AddRange((await db.DataQualityFindings.AsNoTracking().Where(f => f.RunId == run.Id && f.Kind == "non_positive")
            .OrderBy(f => f.BusinessDate).Select(f => f.Detail).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(d => $"non-positive close: {d}"));
        // Unvalued positions are named by the failed P&L items above already; the findings say which lot and why.
        await UnvaluedFindings.RecordAsync(db, run, [.. items.Where(i => i.Phase == BatchPhases.Pnl && i.Status is ItemStatus.Failed or ItemStatus.Blocked)],
            calendar, batch.Value.StaleWindowTradingDays, names, now, cancellationToken).ConfigureAwait(false);

        var status = problems.Count == 0 ? RunStatus.Completed : RunStatus.CompletedWithErrors;
        var days = Planning.AnalyticsDates.Of(run, calendar);
        var header = Header(run, [.. expected.Except(missing)], expected.Count, range) +
            $"; analytics {(days.Count == 1 ? $"as of {days[0]:yyyy-MM-dd}" : $"for {days.Count} days through {days[^1]:yyyy-MM-dd}")}: " +
            string.Join(", ", Risk.Portfolios.RiskFamilies.All) +
            (insufficient.Count == 0 ? "" : $" ({insufficient.Count} with insufficient history, recorded as info findings)");
        return new VerificationResult(status, problems.Count == 0 ? header : $"{header}; {problems.Count} problem(s): " +
            string.Join("; ", problems.Take(50)));
    }

    /// <summary>
    /// "N snapshots verified for M portfolio(s) over from..to", counting the range's days and this run's catch-up days
    /// before it; "already up to date: M portfolio(s) through D" when the run had nothing to write.
    /// </summary>
    private static string Header(BatchRun run, List<BatchItem> present, int written, CoverageReport range)
    {
        if (written == 0 && range.IsComplete)
            return $"already up to date: {range.Portfolios} portfolio(s) through {range.Through:yyyy-MM-dd}, " +
                $"{range.Expected} snapshot(s) verified over {run.RangeFrom:yyyy-MM-dd}..{run.RangeTo:yyyy-MM-dd}";
        var verified = range.Expected - range.Missing.Count + present.Count(i => i.ItemDate < run.RangeFrom);
        var portfolios = Math.Max(range.Portfolios, present.Select(i => i.PortfolioId).Distinct().Count());
        return $"{verified} snapshots verified for {portfolios} portfolio(s) over " +
            $"{run.RangeFrom:yyyy-MM-dd}..{run.RangeTo:yyyy-MM-dd} ({written} written by this run)";
    }

    /// <summary>Portfolios with unfinished P&amp;L or risk items in another Running run (a recompute rebuilding them).</summary>
    private async Task<HashSet<Guid>> PortfoliosBusyElsewhereAsync(BatchRun run, CancellationToken cancellationToken) =>
        (await db.BatchItems.AsNoTracking()
            .Where(i => i.RunId != run.Id && (i.Phase == BatchPhases.Pnl || i.Phase == BatchPhases.PortfolioRisk) && i.PortfolioId != null
                && (i.Status == ItemStatus.Pending || i.Status == ItemStatus.Running)
                && db.BatchRuns.Any(r => r.Id == i.RunId && r.Status == RunStatus.Running))
            .Select(i => i.PortfolioId!.Value).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();

    /// <summary>Insufficient history is a stored reason and an info finding of the run, not an error; rewritten on each verify.</summary>
    private async Task RecordInsufficientHistoryAsync(BatchRun run, List<Risk.AnalyticResult> rows, Dictionary<Guid, string> names,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.DataQualityFindings.Where(f => f.RunId == run.Id && f.Kind == "insufficient_history")
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await FindingWriter.AddAsync(db, [.. rows.Select(r => new DataQualityFinding
        {
            RunId = run.Id, BusinessDate = r.AsOf, PortfolioId = r.PortfolioId, Kind = "insufficient_history", Severity = "info",
            Detail = $"{names.GetValueOrDefault(r.PortfolioId, r.PortfolioId.ToString())} {r.Family} on {r.AsOf:yyyy-MM-dd}: {r.Reason}",
            CreatedAt = now,
        })], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Missing days another Running run is still writing (a recompute rebuilding the portfolio): that run answers for
    /// them, and a later trigger that would join this run re-checks them (<see cref="RunCoverage"/>).
    /// </summary>
    private async Task<HashSet<(Guid?, DateOnly?)>> BeingRebuiltElsewhereAsync(
        BatchRun run, CoverageReport range, CancellationToken cancellationToken)
    {
        if (range.IsComplete) return [];
        var portfolioIds = range.Missing.Select(m => (Guid?)m.PortfolioId).Distinct().ToList();
        var open = await db.BatchItems.AsNoTracking()
            .Where(i => i.RunId != run.Id && i.Phase == BatchPhases.Pnl && portfolioIds.Contains(i.PortfolioId)
                && (i.Status == ItemStatus.Pending || i.Status == ItemStatus.Running)
                && db.BatchRuns.Any(r => r.Id == i.RunId && r.Status == RunStatus.Running))
            .Select(i => new { i.PortfolioId, i.ItemDate }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return open.Select(i => (i.PortfolioId, i.ItemDate)).ToHashSet();
    }

    private async Task<List<BatchItem>> MissingSnapshotsAsync(List<BatchItem> expected, CancellationToken cancellationToken)
    {
        if (expected.Count == 0) return [];
        var portfolioIds = expected.Select(i => i.PortfolioId!.Value).Distinct().ToList();
        var (min, max) = (expected.Min(i => i.ItemDate!.Value), expected.Max(i => i.ItemDate!.Value));
        var present = (await db.PortfolioSnapshots.AsNoTracking()
                .Where(s => portfolioIds.Contains(s.PortfolioId) && s.SnapshotDate >= min && s.SnapshotDate <= max)
                .Select(s => new { s.PortfolioId, s.SnapshotDate }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(s => (s.PortfolioId, s.SnapshotDate)).ToHashSet();
        return [.. expected.Where(i => !present.Contains((i.PortfolioId!.Value, i.ItemDate!.Value)))];
    }

    private async Task<List<string>> UnresolvedMissingClosesAsync(BatchRun run, CancellationToken cancellationToken)
    {
        // A factor proxy no portfolio holds and nobody ever priced is a warning: only its analytics lack it (stored reasons).
        var missing = await db.DataQualityFindings.AsNoTracking()
            .Where(f => f.RunId == run.Id && f.Kind == "missing" && f.Severity == "error")
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (missing.Count == 0) return [];
        var universe = (await SymbolUniverse.ForScopeAsync(db, run.Scope, analytics.Value, cancellationToken).ConfigureAwait(false)).ToHashSet();
        var symbols = missing.Select(f => f.Symbol!).Distinct().ToList();
        var priced = (await db.Prices.AsNoTracking()
                .Where(p => symbols.Contains(p.Symbol) && p.Date >= run.RangeFrom && p.Date <= run.RangeTo)
                .Select(p => new { p.Symbol, p.Date }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(p => (p.Symbol, p.Date)).ToHashSet();
        return [.. missing.Where(f => universe.Contains(f.Symbol!) && !priced.Contains((f.Symbol!, f.BusinessDate)))
            .GroupBy(f => f.Symbol!)
            .Select(g => $"missing close: {g.Key} on {g.Count()} day(s) from {g.Min(f => f.BusinessDate):yyyy-MM-dd} ({g.First().Detail})")];
    }
}

/// <summary>The outcome of verify: the run's final status and a summary that names every problem.</summary>
public sealed record VerificationResult(RunStatus Status, string Summary);
