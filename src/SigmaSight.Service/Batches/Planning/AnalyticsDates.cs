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
        ArgumentNullException.ThrowIfNull(calendar);
        return run.AnalyticsAllDates ? [.. calendar.TradingDays(run.RangeFrom, run.RangeTo)] : [run.RangeTo];
    }
}
