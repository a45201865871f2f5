namespace SigmaSight.Service.Portfolios.Import;

/// <summary>A valid lot row of the lots CSV, with the line it came from. Quantity is signed, as stored.</summary>
public sealed record ImportedLot(
    int Line,
    string Portfolio,
    string Owner,
    string Symbol,
    string PositionType,
    string InvestmentClass,
    decimal Quantity,
    decimal EntryPrice,
    DateOnly EntryDate,
    decimal? ExitPrice,
    DateOnly? ExitDate,
    string? UnderlyingSymbol,
    decimal? StrikePrice,
    DateOnly? ExpirationDate)
{
    public LotKey Key => new(Symbol, PositionType, EntryDate, Quantity, EntryPrice, StrikePrice, ExpirationDate);

    /// <summary>The symbol whose closes value the lot: the underlying of an option, none for a private asset.</summary>
    public string? PricedSymbol => InvestmentClass switch
    {
        LotCodes.Options => UnderlyingSymbol,
        LotCodes.Private => null,
        _ => Symbol,
    };
}
