namespace SigmaSight.Service.MarketData.Import;

/// <summary>
/// The bad lines of a file: all of them counted, the first <c>limit</c> (by line number) kept, so memory stays
/// flat however many lines are bad.
/// </summary>
public sealed class PriceErrors(int limit)
{
    private readonly List<PriceImportError> _kept = [];
    private bool _sorted = true;

    public long Count { get; private set; }

    public void Add(long line, string reason)
    {
        Count++;
        if (_kept.Count > 0 && line < _kept[^1].Line) _sorted = false;
        _kept.Add(new PriceImportError(line, reason));
        if (_kept.Count > 2 * limit) Trim();
    }

    /// <summary>Adds errors found elsewhere (e.g. duplicates found in the database): <paramref name="total"/> in all.</summary>
    public void AddRange(IEnumerable<PriceImportError> listed, long total)
    {
        ArgumentNullException.ThrowIfNull(listed);
        var before = _kept.Count;
        _kept.AddRange(listed);
        _sorted = false;
        Count += total;
        if (_kept.Count - before > total) throw new ArgumentException("more errors listed than counted", nameof(listed));
        Trim();
    }

    /// <summary>The first errors by line number, at most the limit.</summary>
    public IReadOnlyList<PriceImportError> Listed()
    {
        Trim();
        return [.. _kept];
    }

    private void Trim()
    {
        if (!_sorted) _kept.Sort((a, b) => a.Line.CompareTo(b.Line));
        _sorted = true;
        if (_kept.Count > limit) _kept.RemoveRange(limit, _kept.Count - limit);
    }
}
