using System.Collections.Concurrent;
using SigmaSight.Analytics.Calendar;

namespace SigmaSight.Service.MarketData.Synthetic;

/// <summary>
/// A seeded, deterministic factor-model market (no I/O, no clock). Factor daily log-returns are
/// f_k(t) = σ_k·z(seed, "factor:" + k, t) for Market (σ 0.013), Value, Growth (0.005), Momentum, Size (0.006),
/// Quality, LowVol (0.004) and Rates (0.008); a symbol's daily log-return x(t) combines them as described in
/// <see cref="FactorLoadings"/> with the loadings of <see cref="LoadingsOf"/>. With L(t) = Σ x(s) over trading
/// days s in (Origin, t]:
/// close(t) = round(anchor × exp(L(t) − L(AnchorDate)), 4, away from zero), floored at 0.0001,
/// so the close on the anchor date is exactly the anchor. z is a pure function of (seed, key, date), hence a close
/// does not depend on the range requested, the order of requests or the process.
/// </summary>
/// <remarks>
/// Factor returns and each symbol's cumulative series are cached and extended on demand; instances are safe to
/// share between threads. Closes later than 50 years after the anchor are not generated.
/// </remarks>
public sealed class SyntheticMarket
{
    private const int MaxYearsAfterAnchor = 50;
    private const decimal MinimumClose = 0.0001m;

    private readonly SyntheticMarketDefinition _definition;
    private readonly NyseCalendar _calendar;
    private readonly DateOnly _lastDate;
    private readonly int _anchorIndex;
    private readonly Lock _timelineLock = new();
    private readonly ConcurrentDictionary<string, SyntheticPath> _paths = new(StringComparer.Ordinal);
    private volatile SyntheticTimeline _timeline;

    /// <summary>Creates the market; the series start <c>OriginTradingDaysBeforeAnchor</c> trading days before the anchor.</summary>
    public SyntheticMarket(SyntheticMarketDefinition definition, NyseCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(definition.AnchorCloses);
        ArgumentOutOfRangeException.ThrowIfNegative(definition.OriginTradingDaysBeforeAnchor);
        if (definition.AnchorCloses.Any(a => a.Value <= 0))
        {
            throw new ArgumentException("Anchor closes must be positive.", nameof(definition));
        }

        _definition = definition;
        _calendar = calendar;
        Origin = calendar.OnOrBefore(calendar.AddTradingDays(definition.AnchorDate, -definition.OriginTradingDaysBeforeAnchor));
        _lastDate = definition.AnchorDate.AddYears(MaxYearsAfterAnchor);
        _timeline = SyntheticTimeline.Create(definition.Seed, calendar, Origin, definition.AnchorDate);
        _anchorIndex = _timeline.Count - 1; // the last trading day on or before the anchor date
    }

    /// <summary>The first day of every series: AddTradingDays(AnchorDate, −OriginTradingDaysBeforeAnchor).</summary>
    public DateOnly Origin { get; }

    /// <summary>True for the symbols of <see cref="SyntheticMarketDefinition.AnchorCloses"/> only.</summary>
    public bool Knows(string symbol) => symbol is not null && _definition.AnchorCloses.ContainsKey(symbol);

    /// <summary>
    /// Closes on the NYSE trading days in [max(<paramref name="from"/>, Origin), <paramref name="to"/>], ascending;
    /// empty for an unknown symbol or an empty range.
    /// </summary>
    public IReadOnlyList<KeyValuePair<DateOnly, decimal>> Closes(string symbol, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        if (!_definition.AnchorCloses.TryGetValue(symbol, out var anchor)) return [];
        var first = from < Origin ? Origin : from;
        var last = to > _lastDate ? _lastDate : to;
        if (last < first) return [];

        var timeline = TimelineThrough(last);
        var path = PathOf(symbol, timeline);
        var anchorLevel = path.LogLevel(_anchorIndex);
        var closes = new List<KeyValuePair<DateOnly, decimal>>();
        for (var i = timeline.IndexOnOrAfter(first); i < timeline.Count && timeline.Day(i) <= last; i++)
        {
            closes.Add(new(timeline.Day(i), CloseOf(anchor, path.LogLevel(i) - anchorLevel)));
        }

        return closes;
    }

    /// <summary>The loadings of <paramref name="symbol"/> under this market's seed (defined for any symbol).</summary>
    public FactorLoadings LoadingsOf(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return SyntheticLoadings.For(_definition.Seed, symbol);
    }

    private static decimal CloseOf(decimal anchor, double relativeLogLevel)
    {
        var close = Math.Round(anchor * (decimal)Math.Exp(relativeLogLevel), 4, MidpointRounding.AwayFromZero);
        return close < MinimumClose ? MinimumClose : close;
    }

    private SyntheticTimeline TimelineThrough(DateOnly last)
    {
        var timeline = _timeline;
        if (timeline.CoveredThrough >= last) return timeline;
        lock (_timelineLock)
        {
            timeline = _timeline;
            if (timeline.CoveredThrough >= last) return timeline;
            // Extend by at least a year so that day-by-day requests do not copy the arrays each time.
            var yearLater = timeline.CoveredThrough.AddYears(1);
            var through = last > yearLater ? last : yearLater;
            _timeline = timeline = timeline.ExtendedThrough(_definition.Seed, _calendar, through);
            return timeline;
        }
    }

    private SyntheticPath PathOf(string symbol, SyntheticTimeline timeline)
    {
        var path = _paths.GetOrAdd(symbol, static (s, seed) => SyntheticPath.Start(seed, s), _definition.Seed);
        if (path.Count >= timeline.Count) return path;
        // Racing extensions compute identical values; keep whichever series is longer.
        var extended = path.ExtendedTo(_definition.Seed, timeline);
        return _paths.AddOrUpdate(symbol, extended, (_, current) => current.Count >= extended.Count ? current : extended);
    }
}
