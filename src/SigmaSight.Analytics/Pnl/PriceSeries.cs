namespace SigmaSight.Analytics.Pnl;

/// <summary>
/// The stored closes of one symbol in ascending date order, with lookups by date. Input order does not matter;
/// duplicate dates and non-positive closes are rejected.
/// </summary>
public sealed class PriceSeries
{
    private readonly DateOnly[] _dates;
    private readonly decimal[] _closes;

    /// <summary>Creates the series.</summary>
    /// <exception cref="PnlDataException">Two closes share a date, or a close is ≤ 0.</exception>
    public PriceSeries(string symbol, IEnumerable<KeyValuePair<DateOnly, decimal>> closes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentNullException.ThrowIfNull(closes);
        Symbol = symbol;
        var sorted = closes.OrderBy(c => c.Key).ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            var (date, close) = (sorted[i].Key, sorted[i].Value);
            if (close <= 0)
                throw new PnlDataException($"invalid price for {symbol} on {PnlText.Iso(date)}: close {close} is not positive", symbol, date);
            if (i > 0 && sorted[i - 1].Key == date)
                throw new PnlDataException($"invalid prices for {symbol}: two closes on {PnlText.Iso(date)}", symbol, date);
        }

        _dates = [.. sorted.Select(c => c.Key)];
        _closes = [.. sorted.Select(c => c.Value)];
    }

    /// <summary>The symbol whose closes these are.</summary>
    public string Symbol { get; }

    /// <summary>Number of closes.</summary>
    public int Count => _dates.Length;

    /// <summary>The close dated exactly <paramref name="date"/>, if stored.</summary>
    public bool TryGetClose(DateOnly date, out decimal close)
    {
        var index = Array.BinarySearch(_dates, date);
        close = index >= 0 ? _closes[index] : 0m;
        return index >= 0;
    }

    /// <summary>The latest close dated on or before <paramref name="date"/>, or null when there is none.</summary>
    public DatedClose? LatestOnOrBefore(DateOnly date)
    {
        var last = LastIndexOnOrBefore(date);
        return last < 0 ? null : new DatedClose(_dates[last], _closes[last]);
    }

    /// <summary>
    /// Up to <paramref name="count"/> consecutive stored closes ending with the latest one on or before
    /// <paramref name="date"/>, ascending. Fewer when the series is shorter; empty when none is on or before the date.
    /// </summary>
    public IReadOnlyList<decimal> LatestCloses(DateOnly date, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var last = LastIndexOnOrBefore(date);
        var first = Math.Max(0, last - count + 1);
        return last < 0 ? [] : _closes[first..(last + 1)];
    }

    private int LastIndexOnOrBefore(DateOnly date)
    {
        var index = Array.BinarySearch(_dates, date);
        return index >= 0 ? index : ~index - 1;
    }
}
