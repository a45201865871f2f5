namespace SigmaSight.Service.Pnl;

/// <summary>A portfolio's state at the close of one trading day (DESIGN §6).</summary>
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
}
