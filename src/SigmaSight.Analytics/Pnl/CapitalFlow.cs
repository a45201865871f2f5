namespace SigmaSight.Analytics.Pnl;

/// <summary>An external cash flow: contribution (+amount) or withdrawal (−amount), booked end of day.</summary>
public sealed record CapitalFlow(DateOnly Date, decimal SignedAmount);
