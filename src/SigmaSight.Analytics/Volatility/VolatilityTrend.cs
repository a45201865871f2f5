using SigmaSight.Analytics.Regression;

namespace SigmaSight.Analytics.Volatility;

/// <summary>
/// The trend of the last 21 values of the rolling 21-day volatility: the least-squares line through
/// (0, v_(t−20)), …, (20, v_t), where v_s is the annualised sample volatility of the 21 returns ending at s.
/// </summary>
/// <param name="Slope">Change of annualised volatility per trading day (0.001 = 0.1 vol point a day).</param>
/// <param name="RSquared">R² of the line; 0 when the 21 values are all equal.</param>
/// <param name="Direction">Increasing if slope &gt; 0.001 and R² &gt; 0.3; decreasing if slope &lt; −0.001 and R² &gt; 0.3; else stable.</param>
public sealed record VolatilityTrend(double Slope, double RSquared, TrendDirection Direction)
{
    /// <summary>Number of rolling values in the fit.</summary>
    public const int Points = 21;

    /// <summary>Returns needed: 21 values of a 21-return window = 21 + 20.</summary>
    public const int RequiredReturns = Points + RollingVolatility.Window - 1;

    private const double SlopeThreshold = 0.001;
    private const double RSquaredThreshold = 0.3;

    /// <summary>The trend at the last of <paramref name="returns"/> (daily returns, oldest first; only the last 41 are used).</summary>
    /// <returns>The trend, or "insufficient history: k of 41 observations".</returns>
    public static Estimate<VolatilityTrend> Estimate(ReadOnlySpan<double> returns)
    {
        if (returns.Length < RequiredReturns)
            return Estimates.Missing<VolatilityTrend>(Estimates.InsufficientHistory(returns.Length, RequiredReturns));

        Span<double> vols = stackalloc double[Points];
        Span<double> day = stackalloc double[Points];
        RollingVolatility.Compute(returns[^RequiredReturns..], vols);
        for (var i = 0; i < Points; i++) day[i] = i;
        var line = Line.Fit(vols, day);
        var direction = line.RSquared <= RSquaredThreshold ? TrendDirection.Stable
            : line.Slope > SlopeThreshold ? TrendDirection.Increasing
            : line.Slope < -SlopeThreshold ? TrendDirection.Decreasing
            : TrendDirection.Stable;
        return Estimates.Of(new VolatilityTrend(line.Slope, line.RSquared, direction));
    }
}
