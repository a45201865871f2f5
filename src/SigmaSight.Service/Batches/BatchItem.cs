namespace SigmaSight.Service.Batches;

/// <summary>The ledger row of one Hangfire job of a run; the truth about what is done.</summary>
public sealed class BatchItem
{
    public Guid RunId { get; set; }
    public int Phase { get; set; }
    public required string ItemKey { get; set; }
    public ItemStatus Status { get; set; }
    public string? HangfireJobId { get; set; }
    public int Attempts { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public Guid? PortfolioId { get; set; }
    public DateOnly? ItemDate { get; set; }
    /// <summary>The symbols of a market-data chunk, frozen when the item is planned.</summary>
    public List<string>? Symbols { get; set; }
    /// <summary>First day a market-data chunk asked its providers for (its earliest request), when it succeeded.</summary>
    public DateOnly? FetchedFrom { get; set; }
    /// <summary>Last day a market-data chunk asked its providers for (the run's last day), when it succeeded.</summary>
    public DateOnly? FetchedTo { get; set; }
    /// <summary>True when the item succeeded after it had been counted as Failed or Blocked.</summary>
    public bool LateSuccess { get; set; }
}
