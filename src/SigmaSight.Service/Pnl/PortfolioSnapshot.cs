namespace SigmaSight.Service.Pnl;

/// <summary>A portfolio's state at the close of one trading day (docs/pnl-model.md).</summary>
public sealed class PortfolioSnapshot
{
    public Guid Id { get; set; }
    public Guid PortfolioId { get; set; }
    public DateOnly SnapshotDate { get; set; }
    public decimal EquityBalance { get; set; }
    public decimal CashValue { get; set; }
    public decimal DailyPnl { get; set; }
    public decimal? DailyReturn { get; set; }
    public string? DailyReturnNote { get; set; }
    public decimal CumulativePnl { get; set; }
    public decimal DailyRealizedPnl { get; set; }
    public decimal CumulativeRealizedPnl { get; set; }
    public decimal DailyCapitalFlow { get; set; }
    public decimal CumulativeCapitalFlow { get; set; }
    public decimal LongValue { get; set; }
    public decimal ShortValue { get; set; }
    public decimal GrossExposure { get; set; }
    public decimal NetExposure { get; set; }
    public int NumPositions { get; set; }
    public int NumLongPositions { get; set; }
    public int NumShortPositions { get; set; }
    public int StalePriceCount { get; set; }
    public Guid RunId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    // Risk columns, filled by phase 4 (null until then, or when not computable; analytic_results says why).
    public double? Beta90d { get; set; }
    public double? RealizedVol21d { get; set; }
    public double? RealizedVol63d { get; set; }
    public double? ExpectedVol21d { get; set; }
    public string? VolatilityTrend { get; set; }
    public double? VolatilityPercentile { get; set; }
    /// <summary>
    /// Realised 21- and 63-day volatility of the portfolio's own stored daily returns (its last 21 / 63 snapshots), beside
    /// the holdings-based figures above; null until it has that many returns, with the reason in
    /// <see cref="SnapshotVolatilityReason"/>.
    /// </summary>
    public double? SnapshotRealizedVol21d { get; set; }
    public double? SnapshotRealizedVol63d { get; set; }
    public string? SnapshotVolatilityReason { get; set; }
    /// <summary>One-day historical VaR and ES at 95 % and 99 %, as positive losses in currency.</summary>
    public decimal? Var95 { get; set; }
    public decimal? Var99 { get; set; }
    public decimal? Es95 { get; set; }
    public decimal? Es99 { get; set; }
    /// <summary>One-day parametric (normal, μ = 0) VaR and ES, as positive losses in currency.</summary>
    public decimal? ParametricVar95 { get; set; }
    public decimal? ParametricVar99 { get; set; }
    public decimal? ParametricEs95 { get; set; }
    public decimal? ParametricEs99 { get; set; }
    public double? Hhi { get; set; }
    public double? EffectiveNumPositions { get; set; }
    public double? Top3Concentration { get; set; }
    public double? Top10Concentration { get; set; }
}
