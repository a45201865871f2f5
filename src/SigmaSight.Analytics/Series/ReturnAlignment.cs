using System.Buffers;

namespace SigmaSight.Analytics.Series;

/// <summary>
/// Alignment first, returns second: the closes of all series are matched on the dates on or before the as-of
/// date where every series has a close, and returns are taken between consecutive matched dates. A series missing
/// a close on some date therefore removes that date for all, and the return across the gap spans the same two
/// dates in every series (never a two-day return of one series beside a one-day return of another).
/// </summary>
public static class ReturnAlignment
{
    private const int StackCursors = 16;

    /// <summary>
    /// The last (at most <paramref name="maxReturns"/>) aligned returns of <paramref name="series"/> ending on or
    /// before <paramref name="asOf"/>. Only the tail that is needed is visited: O(maxReturns × series) when the
    /// series share most dates, plus a binary search per series.
    /// </summary>
    /// <param name="series">One or more series; the result keeps their order.</param>
    /// <param name="asOf">Closes dated after this are ignored.</param>
    /// <param name="maxReturns">The window: how many of the latest returns to keep (≥ 1); int.MaxValue for all.</param>
    /// <param name="kind">Simple (default) or log returns.</param>
    /// <returns>The aligned returns; fewer than <paramref name="maxReturns"/> (possibly none) when the history is shorter.</returns>
    /// <exception cref="ArgumentException">No series, or a series is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxReturns"/> &lt; 1.</exception>
    public static AlignedReturns Align(ReadOnlySpan<DatedCloses> series, DateOnly asOf, int maxReturns, ReturnKind kind = ReturnKind.Simple)
    {
        if (series.IsEmpty) throw new ArgumentException("at least one series is needed", nameof(series));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxReturns, 1);
        var k = series.Length;
        Span<int> cursor = k <= StackCursors ? stackalloc int[StackCursors] : new int[k];
        cursor = cursor[..k];
        var closesWanted = maxReturns;
        for (var s = 0; s < k; s++)
        {
            if (series[s] is null) throw new ArgumentException($"series {s} is null", nameof(series));
            cursor[s] = series[s].LastIndexOnOrBefore(asOf);
            closesWanted = Math.Min(closesWanted, cursor[s]);
        }

        if (closesWanted < 1) return Empty(k);
        closesWanted++;
        var matched = ArrayPool<int>.Shared.Rent(closesWanted * k);
        try
        {
            var found = 0;
            while (found < closesWanted && MoveToCommonDate(series, cursor))
            {
                for (var s = 0; s < k; s++) matched[(found * k) + s] = cursor[s]--;
                found++;
            }

            return found < 2 ? Empty(k) : ToReturns(series, matched, found, kind);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(matched);
        }
    }

    /// <summary>Moves every cursor back to the latest date on or before the cursors' dates that all series share.</summary>
    private static bool MoveToCommonDate(ReadOnlySpan<DatedCloses> series, Span<int> cursor)
    {
        while (true)
        {
            var target = DateOnly.MaxValue;
            for (var s = 0; s < series.Length; s++)
            {
                if (cursor[s] < 0) return false;
                var date = series[s].Dates[cursor[s]];
                if (date < target) target = date;
            }

            var aligned = true;
            for (var s = 0; s < series.Length; s++)
            {
                var dates = series[s].Dates;
                while (cursor[s] >= 0 && dates[cursor[s]] > target) cursor[s]--;
                if (cursor[s] < 0) return false;
                aligned &= dates[cursor[s]] == target;
            }

            if (aligned) return true;
        }
    }

    /// <summary>Turns matched close indices (newest first, <paramref name="found"/> rows of one index per series) into returns.</summary>
    private static AlignedReturns ToReturns(ReadOnlySpan<DatedCloses> series, int[] matched, int found, ReturnKind kind)
    {
        var k = series.Length;
        var count = found - 1;
        var dates = new DateOnly[count];
        var returns = new double[count * k];
        for (var s = 0; s < k; s++)
        {
            var closes = series[s].Closes;
            var column = returns.AsSpan(s * count, count);
            for (var j = 0; j < count; j++)
            {
                var later = closes[matched[((count - 1 - j) * k) + s]];
                var earlier = closes[matched[((count - j) * k) + s]];
                column[j] = kind == ReturnKind.Log ? Math.Log(later / earlier) : (later / earlier) - 1.0;
            }
        }

        for (var j = 0; j < count; j++) dates[j] = series[0].Dates[matched[(count - 1 - j) * k]];
        return new AlignedReturns(dates, returns, k);
    }

    private static AlignedReturns Empty(int seriesCount) => new([], [], seriesCount);
}
