namespace SigmaSight.Analytics.Pnl;

/// <summary>
/// Valuation of one lot open at the close of D. <paramref name="Price"/> is per unit (the Black–Scholes value per
/// share for options); <paramref name="PriceDate"/> is the date of the close used (the underlying's for options);
/// <paramref name="MarketValue"/> = round2(qty × price × multiplier); <paramref name="UnrealizedPnl"/> =
/// round2(qty × (price − entry) × multiplier); <paramref name="Delta"/> is the Black–Scholes delta per share for
/// options, null otherwise.
/// </summary>
public sealed record LotValue(
    Guid LotId, string Symbol, decimal Price, DateOnly PriceDate, bool IsStale, decimal MarketValue, decimal UnrealizedPnl, double? Delta);
