using SigmaSight.Analytics.Calendar;

namespace SigmaSight.Service.MarketData;

/// <summary>
/// What a phase-1 chunk asks the provider for. The run's own days [rangeFrom, rangeTo] are always fetched (they are
/// the days being processed); earlier days of the history window only when some are not stored, from the symbol's
/// first missing day on. On a normal night every symbol has its history, so the chunk makes one request for the
/// run's day; a new symbol, or one whose history is short, gets its missing earlier days too.
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

    /// <summary>
    /// One request per distinct start day, earliest first: a symbol with a first missing day before
    /// <paramref name="rangeFrom"/> starts there, every other symbol at <paramref name="rangeFrom"/>.
    /// </summary>
    public static IReadOnlyList<CloseRequest> Plan(IReadOnlyCollection<string> symbols,
        IReadOnlyDictionary<string, DateOnly> firstMissing, DateOnly rangeFrom)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(firstMissing);
        return
        [
            .. symbols.Distinct(StringComparer.Ordinal)
                .GroupBy(s => firstMissing.TryGetValue(s, out var missing) && missing < rangeFrom ? missing : rangeFrom)
                .OrderBy(g => g.Key)
                .Select(g => new CloseRequest(g.Key, [.. g.Order(StringComparer.Ordinal)])),
        ];
    }
}

/// <summary>Closes of <paramref name="Symbols"/> from <paramref name="From"/> through the run's last day.</summary>
public sealed record CloseRequest(DateOnly From, IReadOnlyList<string> Symbols);
