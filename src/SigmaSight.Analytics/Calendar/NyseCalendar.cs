namespace SigmaSight.Analytics.Calendar;

/// <summary>
/// The NYSE trading calendar. PLACEHOLDER: weekdays only; the rule-based implementation replaces it.
/// </summary>
public sealed class NyseCalendar
{
    private readonly HashSet<DateOnly> _extraClosures;

    /// <summary>Creates the calendar with operator-added closures (the <c>market_closures</c> table).</summary>
    public NyseCalendar(IEnumerable<DateOnly>? extraClosures = null) =>
        _extraClosures = extraClosures is null ? [] : [.. extraClosures];

    /// <summary>True when the exchange is open on <paramref name="date"/>.</summary>
    public bool IsTradingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_extraClosures.Contains(date);

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

    /// <summary>Trading days in [from, to], ascending.</summary>
    public IEnumerable<DateOnly> TradingDays(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
            if (IsTradingDay(d)) yield return d;
    }

    /// <summary>Moves <paramref name="count"/> trading days from <paramref name="date"/> (negative: back).</summary>
    public DateOnly AddTradingDays(DateOnly date, int count)
    {
        var d = date;
        for (var i = 0; i < Math.Abs(count); i++) d = count > 0 ? NextTradingDay(d) : PreviousTradingDay(d);
        return d;
    }

    /// <summary>Number of trading days in (fromExclusive, toInclusive].</summary>
    public int CountTradingDays(DateOnly fromExclusive, DateOnly toInclusive) =>
        TradingDays(fromExclusive.AddDays(1), toInclusive).Count();
}
