namespace SigmaSight.Analytics.Pnl;

/// <summary>The stored snapshot of the previous trading day, from which day D rolls forward.</summary>
public sealed record PreviousSnapshot(
    DateOnly Date, decimal Nav, decimal CumulativePnl, decimal CumulativeRealizedPnl, decimal CumulativeCapitalFlow);
