namespace SigmaSight.Service.Bench;

/// <summary>Latency percentiles by the nearest-rank method: the smallest value with at least p% of the values at or below it.</summary>
public static class Percentiles
{
    /// <summary>The <paramref name="percent"/> percentile (0 &lt; p ≤ 100) of <paramref name="values"/>.</summary>
    public static double Of(IReadOnlyList<double> values, double percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("percentile of no values", nameof(values));
        if (percent is <= 0 or > 100 || double.IsNaN(percent))
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "a percentile is in (0, 100]");
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
