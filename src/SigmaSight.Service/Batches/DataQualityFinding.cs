namespace SigmaSight.Service.Batches;

/// <summary>A data problem found by a run: a missing or stale price, an unvalued position.</summary>
public sealed class DataQualityFinding
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public DateOnly BusinessDate { get; set; }
    public string? Symbol { get; set; }
    public Guid? PortfolioId { get; set; }
    /// <summary>missing, stale, non_positive, jump, unvalued, insufficient_history, revised, rebuild_deferred.</summary>
    public required string Kind { get; set; }
    public required string Severity { get; set; }
    public required string Detail { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
