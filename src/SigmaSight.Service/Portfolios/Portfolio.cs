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
    public DateTimeOffset CreatedAt { get; set; }
}
