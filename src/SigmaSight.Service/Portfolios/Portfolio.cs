namespace SigmaSight.Service.Portfolios;

/// <summary>A portfolio whose equity the batch rolls forward every trading day.</summary>
public sealed class Portfolio
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Owner { get; set; }
    public string Currency { get; set; } = "USD";
    public DateOnly InceptionDate { get; set; }
    /// <summary>NAV of the latest snapshot; written only when a snapshot is the latest.</summary>
    public decimal? EquityBalance { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>
    /// Set when a portfolio import changed a day that already has a snapshot: the next run that covers the portfolio
    /// deletes its snapshots from this date on and rebuilds them (then clears it).
    /// </summary>
    public DateOnly? RebuildFrom { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
