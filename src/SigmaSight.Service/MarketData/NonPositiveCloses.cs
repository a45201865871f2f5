using System.Globalization;
using SigmaSight.Service.Batches;

namespace SigmaSight.Service.MarketData;

/// <summary>
/// A provider's close of zero or less (issue 8, point 6) is never stored (<c>prices</c> refuses it) nor used: it is
/// removed from the answer and recorded as a <c>non_positive</c> finding of severity <c>error</c>; the day then counts
/// as missing for the symbol, and the P&amp;L values the position stale under DESIGN §6. (Imports refuse such rows.)
/// </summary>
public static class NonPositiveCloses
{
    public static (Dictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>> Usable, List<DataQualityFinding> Findings) Split(
        BatchRun run, IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>> closes, string source, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(closes);
        var usable = new Dictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>>(StringComparer.Ordinal);
        var findings = new List<DataQualityFinding>();
        foreach (var (symbol, series) in closes)
        {
            usable[symbol] = [.. series.Where(c => c.Value > 0)];
            findings.AddRange(series.Where(c => c.Value <= 0).Select(c => new DataQualityFinding
            {
                RunId = run.Id, BusinessDate = c.Key, Symbol = symbol, Kind = "non_positive", Severity = "error", CreatedAt = now,
                Detail = $"provider {source} gave {symbol} a close of {c.Value.ToString(CultureInfo.InvariantCulture)} on " +
                    $"{c.Key:yyyy-MM-dd}: a close must be positive; not stored, the day counts as missing",
            }));
        }
        return (usable, findings);
    }
}
