namespace SigmaSight.Service.Portfolios.Demo;

/// <summary>
/// One demo lot, entered on <see cref="DemoCatalog.OriginalEntryDate"/>. <paramref name="Quantity"/> is signed
/// (negative for SHORT, SC and SP). <paramref name="PositionType"/> is LONG SHORT LC LP SC SP,
/// <paramref name="InvestmentClass"/> PUBLIC OPTIONS PRIVATE. <paramref name="LotIndex"/> is 0 for the first lot of
/// a (portfolio, symbol), then 1, 2, … Options carry <paramref name="EntryPrice"/> 0 (the seeder replaces it with
/// the Black–Scholes value) and their <paramref name="Underlying"/>, <paramref name="Strike"/> and
/// <paramref name="OriginalExpiry"/>; the three are null for other classes.
/// </summary>
public sealed record DemoLot(
    string Symbol,
    decimal Quantity,
    decimal EntryPrice,
    string PositionType,
    string InvestmentClass,
    int LotIndex,
    string? Underlying = null,
    decimal? Strike = null,
    DateOnly? OriginalExpiry = null);
