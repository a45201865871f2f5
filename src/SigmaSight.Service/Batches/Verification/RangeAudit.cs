using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Verification;

/// <summary>
/// What a range promises, checked from the data alone, without a run and without writing (the <c>verify</c> verb): every
/// active portfolio of the scope has a snapshot for every trading day of the range from its inception on
/// (<see cref="RunCoverage"/>), and every family of analytics on the analytics days, none failed (<see cref="AnalyticsCheck"/>).
/// </summary>
public sealed class RangeAudit(SigmaSightDbContext db, RunCoverage coverage, TradingCalendarProvider calendars)
{
    /// <summary>The analytics days are a run's (<see cref="Planning.AnalyticsDates.Requested(DateOnly, DateOnly, bool, Analytics.Calendar.NyseCalendar)"/>).</summary>
    public async Task<RangeAuditReport> CheckAsync(string scope, DateOnly from, DateOnly to, bool everyDay, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        var snapshots = await coverage.CheckAsync(scope, from, to, cancellationToken).ConfigureAwait(false);
        var days = Planning.AnalyticsDates.Requested(from, to, everyDay, calendar);
        var (analytics, insufficient) = await AnalyticsCheck.CheckAsync(db, scope, days, cancellationToken).ConfigureAwait(false);
        return new RangeAuditReport(from, to, snapshots.Portfolios, snapshots.Expected, snapshots.Missing, days,
            [.. snapshots.Describe(), .. analytics], insufficient.Count);
    }
}

/// <summary>
/// The result of <see cref="RangeAudit.CheckAsync"/>: the portfolios and snapshots the range needs, the missing snapshots,
/// the analytics days, every problem as a phrase naming portfolio, day and what is wrong, and how many family-days have
/// insufficient history (a stored reason, not a problem).
/// </summary>
public sealed record RangeAuditReport(
    DateOnly From, DateOnly To, int Portfolios, int SnapshotsExpected, IReadOnlyList<MissingSnapshot> MissingSnapshots,
    IReadOnlyList<DateOnly> AnalyticsDates, IReadOnlyList<string> Problems, int InsufficientHistory)
{
    public bool Complete => Problems.Count == 0;
}
