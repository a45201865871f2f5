using Microsoft.EntityFrameworkCore;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Planning;

/// <summary>
/// The days before a run's last date whose stored portfolio analytics the run's rebuilds delete: phase 3 deletes a
/// rebuilt portfolio's risk figures from its first rebuilt day on (a late or corrected close, an import that changed
/// the past, a recompute), so phases 2 and 4 compute those days again and none is lost.
/// </summary>
public static class InvalidatedAnalytics
{
    public static async Task<IReadOnlyList<DateOnly>> DatesAsync(
        SigmaSightDbContext db, BatchRun run, NyseCalendar calendar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(run);
        var plan = await PortfolioDates.PlanAsync(db, run, calendar, cancellationToken).ConfigureAwait(false);
        var stored = await StoredAsync(db, run, plan, cancellationToken).ConfigureAwait(false);
        return [.. stored.Select(s => s.Day).Distinct().Order()];
    }

    /// <summary>
    /// Each rebuilt portfolio of <paramref name="plan"/> with each day before the run's last date on or after its rebuild's
    /// first day that has stored analytics: what phase 3's deletion removes.
    /// </summary>
    public static async Task<IReadOnlyList<(Guid Portfolio, DateOnly Day)>> StoredAsync(SigmaSightDbContext db, BatchRun run,
        IReadOnlyDictionary<Guid, PortfolioPlan> plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(plan);
        var rebuilt = plan.Where(p => p.Value.RebuildFrom is not null).ToDictionary(p => p.Key, p => p.Value.RebuildFrom!.Value);
        if (rebuilt.Count == 0) return [];
        var ids = rebuilt.Keys.ToList();
        var earliest = rebuilt.Values.Min();
        var stored = await db.AnalyticResults.AsNoTracking()
            .Where(r => ids.Contains(r.PortfolioId) && r.AsOf >= earliest && r.AsOf < run.RangeTo)
            .Select(r => new { r.PortfolioId, r.AsOf }).Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. stored.Where(r => r.AsOf >= rebuilt[r.PortfolioId]).Select(r => (r.PortfolioId, r.AsOf))];
    }
}
