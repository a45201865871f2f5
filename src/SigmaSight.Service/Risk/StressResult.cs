namespace SigmaSight.Service.Risk;

/// <summary>
/// The linear P&amp;L of one scenario on a portfolio as of a trading day (phase 4): the direct effect of the shocked
/// factors, and the correlated effect with the unshocked factors moved by their conditional expectation.
/// </summary>
public sealed class StressResult
{
    public Guid PortfolioId { get; set; }

    public required string ScenarioId { get; set; }

    public DateOnly AsOf { get; set; }

    /// <summary>Σ over the shocked factors of exposure_dollar × shock (rate shocks converted to returns).</summary>
    public decimal DirectPnl { get; set; }

    /// <summary>Σ over every factor of exposure_dollar × (shock or conditional move).</summary>
    public decimal CorrelatedPnl { get; set; }

    /// <summary><see cref="CorrelatedPnl"/> − <see cref="DirectPnl"/>.</summary>
    public decimal CorrelationEffect { get; set; }

    /// <summary>Scenario factor → its contribution to <see cref="CorrelatedPnl"/>, in currency.</summary>
    public Dictionary<string, decimal> FactorImpacts { get; set; } = [];
}
