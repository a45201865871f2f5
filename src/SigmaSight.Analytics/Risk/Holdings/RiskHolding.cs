namespace SigmaSight.Analytics.Risk.Holdings;

/// <summary>
/// One lot open at the close of D, as every portfolio risk kernel takes it. Several lots of a symbol are fine:
/// the kernels merge them where the conventions say so.
/// </summary>
/// <param name="Symbol">The lot's own symbol (the OCC symbol for an option).</param>
/// <param name="Kind">Stock, ETF/fund, option or private asset.</param>
/// <param name="MarketValue">Signed market value on D in currency (qty × price × multiplier; negative when short).</param>
/// <param name="ExposureValue">
/// Signed exposure in currency used for betas, returns and correlations: the market value, except for options,
/// where it is the delta-adjusted exposure delta × underlying price × quantity × 100
/// (see <see cref="Options.OptionPositions.DeltaAdjustedExposure"/>).
/// </param>
/// <param name="RiskSymbol">The symbol whose betas and returns apply: itself, the underlying for an option, null for a private asset.</param>
/// <param name="Sector">GICS sector name of a stock (null → "Unclassified"); ignored for other kinds.</param>
public sealed record RiskHolding(
    string Symbol, HoldingKind Kind, decimal MarketValue, decimal ExposureValue, string? RiskSymbol, string? Sector = null)
{
    /// <summary>A stock lot: exposure = market value, its own betas and returns.</summary>
    public static RiskHolding Stock(string symbol, decimal marketValue, string? sector) =>
        new(symbol, HoldingKind.Stock, marketValue, marketValue, symbol, sector);

    /// <summary>An ETF or fund lot: exposure = market value, its own betas and returns.</summary>
    public static RiskHolding Etf(string symbol, decimal marketValue) =>
        new(symbol, HoldingKind.Etf, marketValue, marketValue, symbol);

    /// <summary>An option lot: market value (premium) and delta-adjusted exposure on <paramref name="underlying"/>.</summary>
    public static RiskHolding Option(string symbol, string underlying, decimal marketValue, decimal deltaAdjustedExposure) =>
        new(symbol, HoldingKind.Option, marketValue, deltaAdjustedExposure, underlying);

    /// <summary>A private asset: exposure = market value (it counts in gross exposure), no betas, no returns.</summary>
    public static RiskHolding Private(string symbol, decimal marketValue) =>
        new(symbol, HoldingKind.Private, marketValue, marketValue, null);
}
