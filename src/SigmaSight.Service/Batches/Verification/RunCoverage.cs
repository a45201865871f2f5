using Microsoft.EntityFrameworkCore;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Verification;

/// <summary>
/// What a run promises, checked from the data whoever wrote it: every active portfolio of the run's scope has a
/// snapshot for every trading day of the run's range on or after its inception. Verify uses it for the run's verdict,
/// and a trigger that would join a Completed run uses it first, so an old verdict is never repeated over missing data.
/// </summary>
public sealed class RunCoverage(SigmaSightDbContext db, TradingCalendarProvider calendars)
{
    public async Task<CoverageReport> CheckAsync(string scope, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        var portfolios = await RunScope.Portfolios(db, scope).Where(p => p.InceptionDate <= to)
            .Select(p => new { p.Id, p.Name, p.InceptionDate })
            .AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = portfolios.Select(p => p.Id).ToList();
        var counts = await db.PortfolioSnapshots.AsNoTracking()
            .Where(s => ids.Contains(s.PortfolioId) && s.SnapshotDate >= from && s.SnapshotDate <= to)
            .GroupBy(s => s.PortfolioId)
            .Select(g => new { PortfolioId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.PortfolioId, g => g.Count, cancellationToken).ConfigureAwait(false);

        var expected = 0;
        var missing = new List<MissingSnapshot>();
        foreach (var p in portfolios)
        {
            var days = TradingDays(calendar, Max(from, p.InceptionDate), to);
            expected += days.Count;
            if (counts.GetValueOrDefault(p.Id) >= days.Count) continue;
            var present = (await db.PortfolioSnapshots.AsNoTracking()
                    .Where(s => s.PortfolioId == p.Id && s.SnapshotDate >= from && s.SnapshotDate <= to)
                    .Select(s => s.SnapshotDate).ToListAsync(cancellationToken).ConfigureAwait(false))
                .ToHashSet();
            missing.AddRange(days.Where(d => !present.Contains(d)).Select(d => new MissingSnapshot(p.Id, p.Name, d)));
        }
        return new CoverageReport(portfolios.Count, expected, missing, to);
    }

    private static List<DateOnly> TradingDays(NyseCalendar calendar, DateOnly from, DateOnly to) =>
        from > to ? [] : [.. calendar.TradingDays(from, to)];

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

/// <summary>
/// The result of <see cref="RunCoverage.CheckAsync"/>: how many portfolios were active in the range, how many
/// (portfolio, day) snapshots the range needs, and which of them do not exist.
/// </summary>
public sealed record CoverageReport(int Portfolios, int Expected, IReadOnlyList<MissingSnapshot> Missing, DateOnly Through)
{
    public bool IsComplete => Missing.Count == 0;

    /// <summary>The missing snapshots, one phrase per portfolio: "Demo X on 2026-11-25..2026-11-27 (3 day(s))".</summary>
    public IEnumerable<string> Describe() => Missing.GroupBy(m => m.PortfolioName).Select(g =>
    {
        var (first, last) = (g.Min(m => m.Date), g.Max(m => m.Date));
        var days = first == last ? $"{first:yyyy-MM-dd}" : $"{first:yyyy-MM-dd}..{last:yyyy-MM-dd} ({g.Count()} day(s))";
        return $"missing snapshot: {g.Key} on {days}";
    });
}

/// <summary>A (portfolio, trading day) that should have a snapshot and has none.</summary>
public sealed record MissingSnapshot(Guid PortfolioId, string PortfolioName, DateOnly Date);
