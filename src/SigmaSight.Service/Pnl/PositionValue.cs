namespace SigmaSight.Service.Pnl;

/// <summary>The value of one open lot at the close of a trading day.</summary>
public sealed class PositionValue
{
    public Guid Id { get; set; }
    public Guid PositionId { get; set; }
    public Guid PortfolioId { get; set; }
    public DateOnly ValueDate { get; set; }
    public decimal Price { get; set; }
    /// <summary>The date of the close used: older than <see cref="ValueDate"/> when the price was stale.</summary>
    public DateOnly PriceDate { get; set; }
    public decimal MarketValue { get; set; }
    public decimal UnrealizedPnl { get; set; }
    public double? Delta { get; set; }
}
