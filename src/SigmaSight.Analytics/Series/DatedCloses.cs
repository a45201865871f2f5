using System.Globalization;

namespace SigmaSight.Analytics.Series;

/// <summary>
/// The closes of one series (a symbol, an index or a factor proxy) in ascending date order. Immutable; the
/// constructor copies its inputs. Gaps are allowed: a date without a close is simply absent.
/// </summary>
public sealed class DatedCloses
{
    private readonly DateOnly[] _dates;
    private readonly double[] _closes;

    /// <summary>Creates the series from dates and closes of equal length.</summary>
    /// <param name="name">The series' name, used in reasons and error messages (e.g. "IBM").</param>
    /// <param name="dates">Strictly ascending dates (no duplicates).</param>
    /// <param name="closes">Split-adjusted closes, each a positive finite number; closes[i] is the close on dates[i].</param>
    /// <exception cref="ArgumentException">The lengths differ, a date is not after the one before it, or a close is
    /// not a positive finite number; the message names the series and the date.</exception>
    public DatedCloses(string name, ReadOnlySpan<DateOnly> dates, ReadOnlySpan<double> closes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        if (dates.Length != closes.Length)
            throw new ArgumentException($"closes of {name}: {dates.Length} dates but {closes.Length} closes", nameof(closes));
        for (var i = 0; i < dates.Length; i++)
        {
            if (i > 0 && dates[i] <= dates[i - 1])
                throw new ArgumentException(
                    $"closes of {name}: {Iso(dates[i])} follows {Iso(dates[i - 1])}; dates must be ascending and unique", nameof(dates));
            if (!double.IsFinite(closes[i]) || closes[i] <= 0)
                throw new ArgumentException(
                    $"closes of {name}: the close on {Iso(dates[i])} is {closes[i].ToString(CultureInfo.InvariantCulture)}, not a positive finite number",
                    nameof(closes));
        }

        _dates = dates.ToArray();
        _closes = closes.ToArray();
    }

    /// <summary>Creates the series from stored decimal closes (converted to double once, here).</summary>
    /// <exception cref="ArgumentException">As for the main constructor.</exception>
    public static DatedCloses FromDecimals(string name, ReadOnlySpan<DateOnly> dates, ReadOnlySpan<decimal> closes)
    {
        var values = new double[closes.Length];
        for (var i = 0; i < closes.Length; i++) values[i] = (double)closes[i];
        return new DatedCloses(name, dates, values);
    }

    /// <summary>The series' name.</summary>
    public string Name { get; }

    /// <summary>Number of closes.</summary>
    public int Count => _dates.Length;

    /// <summary>The dates, ascending.</summary>
    public ReadOnlySpan<DateOnly> Dates => _dates;

    /// <summary>The closes, in the order of <see cref="Dates"/>.</summary>
    public ReadOnlySpan<double> Closes => _closes;

    /// <inheritdoc />
    public override string ToString() => Count == 0
        ? $"{Name}: no closes"
        : $"{Name}: {Count} closes {Iso(_dates[0])}..{Iso(_dates[^1])}";

    /// <summary>Index of the latest close dated on or before <paramref name="date"/>; −1 when there is none.</summary>
    internal int LastIndexOnOrBefore(DateOnly date)
    {
        var index = Array.BinarySearch(_dates, date);
        return index >= 0 ? index : ~index - 1;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
