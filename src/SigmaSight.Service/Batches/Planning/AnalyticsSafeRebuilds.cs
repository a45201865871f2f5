using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Planning;

/// <summary>
/// Phase 2 fixes a run's analytics dates, adding the days whose stored analytics its rebuilds delete
/// (<see cref="InvalidatedAnalytics"/>). A rebuild that becomes due after that (a price or portfolio import, or another
/// run's late close, landing while phase 2 runs) would make phase 3 delete stored analytics of days phases 2 and 4 no
/// longer compute, and they would be lost with the run Completed. Such a portfolio keeps its stored days and only
/// adds the days after its latest snapshot; the rebuild stays pending for the next run (a recompute, which was asked
/// to rebuild, is left as planned).
/// </summary>
public static class AnalyticsSafeRebuilds
{
    public static async Task<IReadOnlyDictionary<Guid, PortfolioPlan>> DeferAsync(SigmaSightDbContext db, BatchRun run,
        IReadOnlyDictionary<Guid, PortfolioPlan> plan, IReadOnlyList<DateOnly> analyticsDates, NyseCalendar calendar,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(calendar);
        if (run.Kind == RunKind.Recompute) return plan;
        var stored = await InvalidatedAnalytics.StoredAsync(db, run, plan, cancellationToken).ConfigureAwait(false);
        var losing = Losing(stored, analyticsDates);
        return losing.Count == 0 ? plan
            : plan.ToDictionary(p => p.Key, p => losing.Contains(p.Key) ? Forward(p.Value, run, calendar) : p.Value);
    }

    /// <summary>The portfolios with a stored analytics day their rebuild deletes (<see cref="InvalidatedAnalytics.StoredAsync"/>) that is not planned.</summary>
    private static HashSet<Guid> Losing(IReadOnlyList<(Guid Portfolio, DateOnly Day)> deleted, IReadOnlyList<DateOnly> analyticsDates)
    {
        var planned = analyticsDates.ToHashSet();
        return [.. deleted.Where(s => !planned.Contains(s.Day)).Select(s => s.Portfolio)];
    }

    private static PortfolioPlan Forward(PortfolioPlan rebuild, BatchRun run, NyseCalendar calendar)
    {
        var latest = rebuild.Latest!.Value;
        return new PortfolioPlan([.. calendar.TradingDays(latest.AddDays(1), run.RangeTo)], latest.AddDays(1), null, RebuildReason.None, latest,
            new DeferredRebuild(rebuild.RebuildFrom!.Value, rebuild.Reason, latest, DeferralCause.AfterAnalyticsPlanned));
    }
}
