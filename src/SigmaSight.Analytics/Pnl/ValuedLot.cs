namespace SigmaSight.Analytics.Pnl;

/// <summary>An open lot with its unrounded market value (for sums) and the rounded figures reported.</summary>
internal sealed record ValuedLot(Lot Lot, decimal MarketValue, bool IsStale, LotValue Reported);
