namespace SigmaSight.Service.Portfolios;

/// <summary>One lot of a portfolio. Quantity is signed and stays the lot's quantity after it is closed.</summary>
public sealed class Position
{
    public Guid Id { get; set; }
    public Guid PortfolioId { get; set; }
    public required string Symbol { get; set; }
    /// <summary>LONG SHORT LC LP SC SP.</summary>
    public required string PositionType { get; set; }
    /// <summary>PUBLIC OPTIONS PRIVATE.</summary>
    public required string InvestmentClass { get; set; }
    public decimal Quantity { get; set; }
    public decimal EntryPrice { get; set; }
    public DateOnly EntryDate { get; set; }
    public decimal? ExitPrice { get; set; }
    public DateOnly? ExitDate { get; set; }
    public string? UnderlyingSymbol { get; set; }
    public decimal? StrikePrice { get; set; }
    public DateOnly? ExpirationDate { get; set; }
    /// <summary>Distinguishes lots of one symbol bought on one date (the original dropped such duplicates).</summary>
    public int LotIndex { get; set; }
}
