namespace SigmaSight.Analytics.Volatility;

/// <summary>Where the rolling 21-day volatility is heading (see <see cref="VolatilityTrend"/>).</summary>
public enum TrendDirection
{
    /// <summary>Neither increasing nor decreasing.</summary>
    Stable,

    /// <summary>Slope &gt; 0.001 per day and R² &gt; 0.3.</summary>
    Increasing,

    /// <summary>Slope &lt; −0.001 per day and R² &gt; 0.3.</summary>
    Decreasing,
}
