namespace SigmaSight.Service.Portfolios.Import;

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
