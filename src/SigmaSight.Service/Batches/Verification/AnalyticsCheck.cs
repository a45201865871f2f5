using Microsoft.EntityFrameworkCore;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Risk;
using SigmaSight.Service.Risk.Portfolios;

namespace SigmaSight.Service.Batches.Verification;

/// <summary>
/// Every active portfolio of the run's scope has an <c>analytic_results</c> row for every family on each of the
/// run's requested analytics dates and each invalidated day phase 4 planned for it (from its inception on): a missing or failed family is a problem naming portfolio, family and
/// day; insufficient history is a stored reason, reported but not an error. A portfolio another Running run is
/// rebuilding is left to that run.
/// </summary>
public static class AnalyticsCheck
{
    public static async Task<(List<string> Problems, List<AnalyticResult> Insufficient)> CheckAsync(
        SigmaSightDbContext db, BatchRun run, NyseCalendar calendar, CancellationToken cancellationToken,
        IReadOnlySet<Guid>? rebuiltElsewhere = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(run);
        var all = AnalyticsDates.Of(run, calendar);
        // Beyond the requested dates, each portfolio is held to the days phase 4 planned for it (invalidated ones).
        var planned = (await db.BatchItems.AsNoTracking()
                .Where(i => i.RunId == run.Id && i.Phase == BatchPhases.PortfolioRisk)
                .Select(i => new { Portfolio = i.PortfolioId!.Value, Date = i.ItemDate!.Value })
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(i => i.Portfolio, i => i.Date);
        return await CheckDaysAsync(db, run.Scope, AnalyticsDates.Requested(run, calendar), (all[0], all[^1]), p => planned[p],
            rebuiltElsewhere, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The same check without a run (the <c>verify</c> verb): every active portfolio of <paramref name="scope"/> on each of
    /// <paramref name="dates"/> from its inception on.
    /// </summary>
    public static Task<(List<string> Problems, List<AnalyticResult> Insufficient)> CheckAsync(
        SigmaSightDbContext db, string scope, IReadOnlyList<DateOnly> dates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dates);
        return dates.Count == 0
            ? Task.FromResult<(List<string>, List<AnalyticResult>)>(([], []))
            : CheckDaysAsync(db, scope, dates, (dates.Min(), dates.Max()), _ => [], null, cancellationToken);
    }

    private static async Task<(List<string> Problems, List<AnalyticResult> Insufficient)> CheckDaysAsync(
        SigmaSightDbContext db, string scope, IReadOnlyList<DateOnly> dates, (DateOnly First, DateOnly Last) span,
        Func<Guid, IEnumerable<DateOnly>> plannedOf, IReadOnlySet<Guid>? rebuiltElsewhere, CancellationToken cancellationToken)
    {
        var (first, last) = span;
        var portfolios = await RunScope.Portfolios(db, scope).Where(p => p.InceptionDate <= last)
            .Select(p => new { p.Id, p.Name, p.InceptionDate }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = portfolios.Select(p => p.Id).ToList();
        var rows = (await db.AnalyticResults.AsNoTracking()
                .Where(r => ids.Contains(r.PortfolioId) && r.AsOf >= first && r.AsOf <= last)
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(r => (r.PortfolioId, r.AsOf, r.Family));
        // By portfolio once: scanning every row for each portfolio took 56 s at 10,000 portfolios (issue 10).
        var rowsOf = rows.Values.ToLookup(r => r.PortfolioId);
        var problems = new List<string>();
        var insufficient = new List<AnalyticResult>();
        foreach (var p in portfolios.Where(p => rebuiltElsewhere?.Contains(p.Id) != true))
        {
            var expected = dates.Union(plannedOf(p.Id)).Where(d => d >= p.InceptionDate).Order().ToList();
            var missing = expected
                .SelectMany(d => RiskFamilies.All.Where(f => !rows.ContainsKey((p.Id, d, f))).Select(f => (Date: d, Family: f)))
                .ToList();
            // One phrase per set of days: the families missing on the same days are named together (a portfolio whose
            // risk never ran is one line, not eight).
            foreach (var days in missing.GroupBy(m => m.Family).GroupBy(f => Days([.. f.Select(m => m.Date)]), f => f.Key))
                problems.Add($"missing analytics: {p.Name} has no {string.Join(", ", days)} on {days.Key}");
            var held = expected.ToHashSet();
            foreach (var row in rowsOf[p.Id].Where(r => held.Contains(r.AsOf)).OrderBy(r => r.AsOf))
            {
                if (row.Status == AnalyticStatuses.Failed)
                    problems.Add($"failed analytics: {p.Name} {row.Family} on {row.AsOf:yyyy-MM-dd}: {row.Reason}");
                else if (row.Status == AnalyticStatuses.InsufficientHistory)
                    insufficient.Add(row);
            }
        }
        return (problems, insufficient);
    }

    private static string Days(List<DateOnly> days) =>
        days.Count == 1 ? $"{days[0]:yyyy-MM-dd}" : $"{days[0]:yyyy-MM-dd}..{days[^1]:yyyy-MM-dd} ({days.Count} days)";
}
