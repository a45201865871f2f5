using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace SigmaSight.Analytics.Calendar;

/// <summary>
/// The NYSE trading calendar: weekdays that are neither a regular holiday (observed date), an unscheduled
/// closure, nor an operator-added closure. Rules are those in force since 1990 (MLK Day from 1998,
/// Juneteenth from 2022); a Saturday New Year's Day is not observed on the preceding Friday.
/// </summary>
/// <remarks>
/// Closures are cached per calendar year in a thread-safe map, so <see cref="IsTradingDay"/> is two hash
/// look-ups and <see cref="CountTradingDays"/> is O(years) rather than O(days). Instances are immutable
/// and safe to share between threads.
/// </remarks>
public sealed class NyseCalendar
{
    private const string OperatorClosureReason = "operator closure";

    private readonly FrozenSet<DateOnly> _extraClosures;

    /// <summary>The closures an operator added beyond the rules.</summary>
    public IReadOnlySet<DateOnly> ExtraClosures => _extraClosures;
    private readonly ConcurrentDictionary<int, FrozenSet<DateOnly>> _closedWeekdaysByYear = new();

    /// <summary>Creates the calendar with operator-added closures (the <c>market_closures</c> table).</summary>
    /// <param name="extraClosures">Extra full-day closures; null or empty for none. Weekend dates are harmless.</param>
    public NyseCalendar(IEnumerable<DateOnly>? extraClosures = null) =>
        _extraClosures = extraClosures is null ? FrozenSet<DateOnly>.Empty : extraClosures.ToFrozenSet();

    /// <summary>True when the exchange is open on <paramref name="date"/>.</summary>
    public bool IsTradingDay(DateOnly date) =>
        !IsWeekend(date) && !ClosedWeekdays(date.Year).Contains(date);

    /// <summary>
    /// Why the exchange is closed on <paramref name="date"/>: a holiday name ("Thanksgiving Day"),
    /// "special closure: &lt;reason&gt;", "Saturday"/"Sunday", or "operator closure"; null on a trading day.
    /// </summary>
    public string? ClosureReason(DateOnly date) =>
        HolidayName(date)
        ?? (IsWeekend(date) ? date.DayOfWeek.ToString() : null)
        ?? (_extraClosures.Contains(date) ? OperatorClosureReason : null);

    /// <summary>
    /// The exchange-wide reason <paramref name="date"/> is a closed weekday, independent of operator closures:
    /// the observed regular holiday's name (e.g. "Christmas Day" on Fri 2021-12-24), or
    /// "special closure: &lt;reason&gt;" (e.g. "special closure: Hurricane Sandy"); else null (weekends give null).
    /// </summary>
    public static string? HolidayName(DateOnly date) =>
        NyseHolidays.ForYear(date.Year).TryGetValue(date, out var name) ? name
        : NyseSpecialClosures.All.TryGetValue(date, out var reason) ? "special closure: " + reason
        : null;

    /// <summary>The first trading day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextTradingDay(DateOnly date)
    {
        var d = date.AddDays(1);
        while (!IsTradingDay(d)) d = d.AddDays(1);
        return d;
    }

    /// <summary>The last trading day strictly before <paramref name="date"/>.</summary>
    public DateOnly PreviousTradingDay(DateOnly date)
    {
        var d = date.AddDays(-1);
        while (!IsTradingDay(d)) d = d.AddDays(-1);
        return d;
    }

    /// <summary><paramref name="date"/> when it is a trading day, else the next one.</summary>
    public DateOnly OnOrAfter(DateOnly date) => IsTradingDay(date) ? date : NextTradingDay(date);

    /// <summary><paramref name="date"/> when it is a trading day, else the previous one.</summary>
    public DateOnly OnOrBefore(DateOnly date) => IsTradingDay(date) ? date : PreviousTradingDay(date);

    /// <summary>Trading days in [from, to], ascending; empty when <paramref name="to"/> &lt; <paramref name="from"/>.</summary>
    public IEnumerable<DateOnly> TradingDays(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (IsTradingDay(d)) yield return d;
            if (d == DateOnly.MaxValue) yield break;
        }
    }

    /// <summary>
    /// Moves <paramref name="count"/> trading days from <paramref name="date"/> (negative: back; 0: unchanged,
    /// even when <paramref name="date"/> is closed). AddTradingDays(d, 1) == NextTradingDay(d).
    /// </summary>
    public DateOnly AddTradingDays(DateOnly date, int count)
    {
        var d = date;
        for (var i = count; i > 0; i--) d = NextTradingDay(d);
        for (var i = count; i < 0; i++) d = PreviousTradingDay(d);
        return d;
    }

    /// <summary>
    /// Number of trading days in (fromExclusive, toInclusive]; 0 when <paramref name="toInclusive"/> ≤
    /// <paramref name="fromExclusive"/>. Computed as weekdays (closed form) minus cached closed weekdays, O(years).
    /// </summary>
    public int CountTradingDays(DateOnly fromExclusive, DateOnly toInclusive)
    {
        if (toInclusive <= fromExclusive) return 0;
        var first = fromExclusive.AddDays(1);
        var weekdays = WeekdaysBefore(toInclusive.DayNumber + 1) - WeekdaysBefore(first.DayNumber);
        var closed = 0;
        for (var year = first.Year; year <= toInclusive.Year; year++)
        {
            var set = ClosedWeekdays(year);
            closed += year > first.Year && year < toInclusive.Year
                ? set.Count
                : set.Count(d => d >= first && d <= toInclusive);
        }

        return weekdays - closed;
    }

    /// <summary>Weekdays (Mon–Fri) among day numbers [0, n); day number 0 (0001-01-01) is a Monday.</summary>
    private static int WeekdaysBefore(int dayNumber) => (dayNumber / 7 * 5) + Math.Min(dayNumber % 7, 5);

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>All closed weekdays of <paramref name="year"/>: holidays, special and operator closures.</summary>
    private FrozenSet<DateOnly> ClosedWeekdays(int year) => _closedWeekdaysByYear.GetOrAdd(year, BuildClosedWeekdays);

    private FrozenSet<DateOnly> BuildClosedWeekdays(int year) =>
        NyseHolidays.ForYear(year).Keys
            .Concat(NyseSpecialClosures.All.Keys)
            .Concat(_extraClosures)
            .Where(d => d.Year == year && !IsWeekend(d))
            .ToFrozenSet();
}
