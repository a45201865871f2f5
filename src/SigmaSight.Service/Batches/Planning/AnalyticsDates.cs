using SigmaSight.Analytics.Calendar;

namespace SigmaSight.Service.Batches.Planning;

/// <summary>
/// The business dates whose analytics (phases 2 and 4) a run computes: the last date of its range, or every trading
/// day of the range when it was asked for (<c>--analytics all</c>); plus, once phase 2 is planned, every earlier day
/// whose stored analytics the run's rebuilds invalidate (<see cref="InvalidatedAnalytics"/>).
/// </summary>
public static class AnalyticsDates
{
    public static IReadOnlyList<DateOnly> Of(BatchRun run, NyseCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.PlannedAnalyticsDates is { Length: > 0 } planned ? planned : Requested(run, calendar);
    }

    /// <summary>The dates the run was asked for, before any rebuild adds to them.</summary>
    public static IReadOnlyList<DateOnly> Requested(BatchRun run, NyseCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Requested(run.RangeFrom, run.RangeTo, run.AnalyticsAllDates, calendar);
    }

    /// <summary>The analytics dates of a range: its last day, or each of its trading days when <paramref name="everyDay"/>.</summary>
    public static IReadOnlyList<DateOnly> Requested(DateOnly from, DateOnly to, bool everyDay, NyseCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return everyDay ? [.. calendar.TradingDays(from, to)] : [to];
    }
}
