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

/// <summary>
/// The natural key of a lot within its portfolio: symbol, position type, entry date, quantity, entry price, strike
/// and expiration. A re-imported row with the same key is the same lot; the exit, the investment class and the
/// underlying are what an import may change on it.
/// </summary>
public readonly record struct LotKey(
    string Symbol, string PositionType, DateOnly EntryDate, decimal Quantity, decimal EntryPrice, decimal? Strike, DateOnly? Expiration)
{
    public static LotKey Of(Position position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return new(position.Symbol, position.PositionType, position.EntryDate, position.Quantity, position.EntryPrice,
            position.StrikePrice, position.ExpirationDate);
    }

    public override string ToString() =>
        $"{Symbol} {PositionType} {Quantity} @ {EntryPrice} on {EntryDate:yyyy-MM-dd}" +
        (Strike is { } k ? $" strike {k} expiring {Expiration:yyyy-MM-dd}" : "");
}

/// <summary>The stored codes of a lot's position type and investment class.</summary>
public static class LotCodes
{
    public const string Public = "PUBLIC";
    public const string Options = "OPTIONS";
    public const string Private = "PRIVATE";

    public static IReadOnlyList<string> PositionTypes { get; } = ["LONG", "SHORT", "LC", "LP", "SC", "SP"];
    public static IReadOnlyList<string> InvestmentClasses { get; } = [Public, Options, Private];
    public static IReadOnlyList<string> OptionTypes { get; } = ["LC", "LP", "SC", "SP"];

    /// <summary>LONG, LC and LP hold a positive quantity; SHORT, SC and SP a negative one.</summary>
    public static bool IsLong(string positionType) => positionType is "LONG" or "LC" or "LP";
}
