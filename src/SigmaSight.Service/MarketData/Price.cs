namespace SigmaSight.Service.MarketData;

/// <summary>A daily bar of one symbol; the close is split-adjusted.</summary>
public sealed class Price
{
    public required string Symbol { get; set; }
    public DateOnly Date { get; set; }
    public decimal Close { get; set; }
    public decimal? Open { get; set; }
    public decimal? High { get; set; }
    public decimal? Low { get; set; }
    public long? Volume { get; set; }
    public required string Source { get; set; }
}
