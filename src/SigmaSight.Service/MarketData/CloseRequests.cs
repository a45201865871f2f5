using SigmaSight.Analytics.Calendar;

namespace SigmaSight.Service.MarketData;

/// <summary>
/// What a phase-1 chunk asks the provider for (issue 8, point 4: only what is missing). The run's own days
/// [rangeFrom, rangeTo] are always fetched (a corrected close of a day being processed is picked up); before them, each
/// symbol from the trading day after its last stored close in the history window, so a normal night asks for the run's
/// day only and nothing rescans stored history. A new symbol (nothing stored in the window), or one whose stored
/// history starts after the window's first trading day (short history), gets the whole window. A gap inside stored
/// history is not refetched: it is a data-quality matter (a late close of a day being run is fetched with the run).
/// </summary>
public static class CloseRequests
{
    /// <summary>
    /// The first day of the history window: the planned first day of the chunk (the P&amp;L lookback before the
    /// earliest day any portfolio processes) or <paramref name="historyTradingDays"/> − 1 trading days before
    /// <paramref name="rangeFrom"/>, whichever is earlier, so the run's first day has that many closes.
    /// </summary>
    public static DateOnly WindowStart(NyseCalendar calendar, DateOnly? planned, DateOnly rangeFrom, int historyTradingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(historyTradingDays, 1);
        var history = calendar.AddTradingDays(calendar.OnOrAfter(rangeFrom), -(historyTradingDays - 1));
        return planned is { } day && day < history ? day : history;
    }

    /// <summary>One request per distinct start day, earliest first, each symbol starting where <see cref="CloseRequests"/> says.</summary>
    public static IReadOnlyList<CloseRequest> Plan(NyseCalendar calendar, IReadOnlyCollection<string> symbols,
        IReadOnlyDictionary<string, StoredSpan> stored, DateOnly windowStart, DateOnly rangeFrom)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(stored);
        var firstDay = calendar.OnOrAfter(windowStart);
        return
        [
            .. symbols.Distinct(StringComparer.Ordinal)
                .GroupBy(s => From(calendar, stored.GetValueOrDefault(s), firstDay, rangeFrom))
                .OrderBy(g => g.Key)
                .Select(g => new CloseRequest(g.Key, [.. g.Order(StringComparer.Ordinal)])),
        ];
    }

    private static DateOnly From(NyseCalendar calendar, StoredSpan? span, DateOnly firstDay, DateOnly rangeFrom)
    {
        if (firstDay >= rangeFrom) return rangeFrom;
        if (span is null || span.First > firstDay) return firstDay;
        var next = calendar.NextTradingDay(span.Last);
        return next < rangeFrom ? next : rangeFrom;
    }
}

/// <summary>Closes of <paramref name="Symbols"/> from <paramref name="From"/> through the run's last day.</summary>
public sealed record CloseRequest(DateOnly From, IReadOnlyList<string> Symbols);
