using SigmaSight.Analytics.Returns;

namespace SigmaSight.Analytics.Volatility;

/// <summary>Rolling 21-day realised volatility, the series behind the trend and the percentile.</summary>
internal static class RollingVolatility
{
    public const int Window = 21;

    /// <summary>
    /// Fills <paramref name="destination"/> with the annualised sample volatility of every 21-return window of
    /// <paramref name="returns"/>: destination[i] covers returns[i .. i + 20]. Needs returns.Length − 20 slots.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> returns, Span<double> destination)
    {
        if (destination.Length != returns.Length - Window + 1)
            throw new ArgumentException($"{returns.Length} returns make {returns.Length - Window + 1} windows, not {destination.Length}", nameof(destination));
        for (var i = 0; i < destination.Length; i++) destination[i] = RealizedVolatility.OfReturns(returns.Slice(i, Window));
    }
}
