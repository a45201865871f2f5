using Microsoft.EntityFrameworkCore;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Planning;

/// <summary>
/// The trading days each portfolio of a run must process, in order: every day after its latest snapshot (or from
/// inception) through the run's last date, so a missed night never loses a day of P&amp;L. A recompute starts at its
/// from-date; any run also starts at the first day a snapshot was valued with a stale price whose real close has
/// arrived since (DESIGN §4), and rebuilds from there.
/// </summary>
public static class PortfolioDates
{
    public static async Task<IReadOnlyDictionary<Guid, PortfolioPlan>> PlanAsync(
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
        var lateCloses = await LateCloses.EarliestAsync(db, [.. portfolios.Select(p => p.Id)], cancellationToken)
            .ConfigureAwait(false);

        var plan = new Dictionary<Guid, PortfolioPlan>();
        foreach (var p in portfolios)
        {
            var start = p.Latest is { } latest ? latest.AddDays(1) : p.InceptionDate;
            if (run.Kind == RunKind.Recompute) start = run.RangeFrom;
            DateOnly? lateClose = lateCloses.TryGetValue(p.Id, out var late) ? late : null;
            if (lateClose < start) start = lateClose.Value;
            if (start < p.InceptionDate) start = p.InceptionDate;
            var rebuildFrom = p.Latest is { } last && start <= last ? start : (DateOnly?)null;
            plan[p.Id] = new PortfolioPlan([.. calendar.TradingDays(start, run.RangeTo)], rebuildFrom,
                rebuildFrom is not null && lateClose == start);
        }
        return plan;
    }
}

/// <summary>The days a portfolio processes; <see cref="RebuildFrom"/> is set when they overwrite stored snapshots.</summary>
public sealed record PortfolioPlan(IReadOnlyList<DateOnly> Dates, DateOnly? RebuildFrom, bool BecauseOfLateClose);
