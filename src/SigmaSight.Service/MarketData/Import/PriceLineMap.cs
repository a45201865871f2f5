namespace SigmaSight.Service.MarketData.Import;

/// <summary>
/// The file line of each good row, by its order of copy (1, 2, ...), without a number per row: only the rows whose line
/// does not follow the previous good row's (the first, and each one after a bad or skipped line) are kept. A clean
/// file keeps one entry; memory grows with the bad lines, never with the good ones.
/// </summary>
internal sealed class PriceLineMap
{
    private readonly List<(long Ordinal, long Line)> _breaks = [];
    private long _lastLine = -1;

    /// <summary>Good rows recorded so far.</summary>
    public long Count { get; private set; }

    public void Add(long line)
    {
        Count++;
        if (line != _lastLine + 1) _breaks.Add((Count, line));
        _lastLine = line;
    }

    /// <summary>The line of the <paramref name="ordinal"/>-th good row (1-based).</summary>
    public long LineOf(long ordinal)
    {
        if (ordinal < 1 || ordinal > Count) throw new ArgumentOutOfRangeException(nameof(ordinal), ordinal, $"{Count} rows were recorded");
        var (low, high) = (0, _breaks.Count - 1);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (_breaks[middle].Ordinal <= ordinal) low = middle;
            else high = middle - 1;
        }
        var (from, line) = _breaks[low];
        return line + (ordinal - from);
    }
}
