using Microsoft.EntityFrameworkCore;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Planning;

/// <summary>
/// The trading days each portfolio of a run must process, in order: every day after its latest snapshot
/// (or from inception) through the run's last date, so a missed night never loses a day of P&amp;L.
/// A recompute starts at its from-date instead (its planner deleted the snapshots from there on).
/// </summary>
public static class PortfolioDates
{
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<DateOnly>>> PlanAsync(
        SigmaSightDbContext db, BatchRun run, NyseCalendar calendar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(calendar);
        var portfolios = await RunScope.Portfolios(db, run.Scope)
            .Select(p => new
            {
                p.Id,
                p.InceptionDate,
                Latest = db.PortfolioSnapshots.Where(s => s.PortfolioId == p.Id)
                    .Max(s => (DateOnly?)s.SnapshotDate),
            })
            .AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);

        var plan = new Dictionary<Guid, IReadOnlyList<DateOnly>>();
        foreach (var p in portfolios)
        {
            var start = p.Latest is { } latest ? latest.AddDays(1) : p.InceptionDate;
            if (run.Kind == RunKind.Recompute) start = run.RangeFrom;
            if (start < p.InceptionDate) start = p.InceptionDate;
            plan[p.Id] = [.. calendar.TradingDays(start, run.RangeTo)];
        }
        return plan;
    }
}
