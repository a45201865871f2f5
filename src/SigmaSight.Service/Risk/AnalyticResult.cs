namespace SigmaSight.Service.Risk;

/// <summary>
/// Whether one family of analytics (factor exposures, volatility, correlations, stress, sector, concentration, VaR,
/// ...) exists for a portfolio and day, and why not: verify checks these rows instead of guessing from absences.
/// </summary>
public sealed class AnalyticResult
{
    public Guid PortfolioId { get; set; }

    public DateOnly AsOf { get; set; }

    /// <summary>The family, e.g. "correlations".</summary>
    public required string Family { get; set; }

    /// <summary>present, not_applicable, insufficient_history or failed (<see cref="AnalyticStatuses"/>).</summary>
    public required string Status { get; set; }

    /// <summary>Why the family is not present; null when it is.</summary>
    public string? Reason { get; set; }

    /// <summary>The run that wrote the row.</summary>
    public Guid? RunId { get; set; }
}
