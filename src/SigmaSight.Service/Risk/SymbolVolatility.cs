namespace SigmaSight.Service.Risk;

/// <summary>
/// One symbol's volatility figures as of a trading day (phase 2): realised 21/63-day, the HAR forecast of the next
/// 21 days, the trend of the rolling 21-day volatility and its percentile. All annualised (√252), as fractions.
/// Figures that need more history than the symbol has are null and named in <see cref="Reason"/>.
/// </summary>
public sealed class SymbolVolatility
{
    public required string Symbol { get; set; }

    public DateOnly AsOf { get; set; }

    public double? RealizedVol21d { get; set; }

    public double? RealizedVol63d { get; set; }

    /// <summary>HAR-RV forecast: √(252 × fitted mean squared return of the next 21 days).</summary>
    public double? ExpectedVol21d { get; set; }

    /// <summary>increasing, decreasing or stable (<see cref="VolatilityTrends"/>).</summary>
    public string? Trend { get; set; }

    /// <summary>Slope of the linear fit over the last 21 values of the rolling 21-day volatility.</summary>
    public double? TrendSlope { get; set; }

    public double? TrendRSquared { get; set; }

    /// <summary>Percentile (0..1) of the current 21-day volatility among the last 252 rolling values.</summary>
    public double? Percentile { get; set; }

    /// <summary>Daily returns available up to <see cref="AsOf"/> (at most the longest window used).</summary>
    public int Observations { get; set; }

    /// <summary>Each figure not computed and why, separated by "; "; null when every figure was computed.</summary>
    public string? Reason { get; set; }
}
