namespace SigmaSight.Analytics.Series;

/// <summary>
/// Returns of several series between consecutive dates on which every one of them has a close
/// (built by <see cref="ReturnAlignment.Align"/>). Return j of every series spans the same two dates, and
/// <see cref="Dates"/>[j] is the later of them. Oldest first.
/// </summary>
public sealed class AlignedReturns
{
    private readonly DateOnly[] _dates;
    private readonly double[] _returns;

    internal AlignedReturns(DateOnly[] dates, double[] returns, int seriesCount)
    {
        _dates = dates;
        _returns = returns;
        SeriesCount = seriesCount;
    }

    /// <summary>Number of returns per series (the observations).</summary>
    public int Count => _dates.Length;

    /// <summary>Number of series, in the order they were given.</summary>
    public int SeriesCount { get; }

    /// <summary>The date of each return: the date of its later close. Ascending.</summary>
    public ReadOnlySpan<DateOnly> Dates => _dates;

    /// <summary>The returns of the series at <paramref name="seriesIndex"/> (its position in the input).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seriesIndex"/> is not a series of this alignment.</exception>
    public ReadOnlySpan<double> ReturnsOf(int seriesIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seriesIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(seriesIndex, SeriesCount);
        return _returns.AsSpan(seriesIndex * Count, Count);
    }
}
