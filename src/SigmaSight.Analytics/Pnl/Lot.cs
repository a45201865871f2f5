namespace SigmaSight.Analytics.Pnl;

/// <summary>
/// One position lot. <paramref name="Quantity"/> is signed (negative for SHORT, SC, SP) and in contracts for options.
/// Prices are per unit (per share for options). Options need <paramref name="Underlying"/>, <paramref name="Strike"/>
/// and <paramref name="Expiration"/>; an exit needs both <paramref name="ExitPrice"/> and <paramref name="ExitDate"/>.
/// </summary>
public sealed record Lot(
    Guid Id,
    string Symbol,
    PositionType Type,
    InvestmentClass Class,
    decimal Quantity,
    decimal EntryPrice,
    DateOnly EntryDate,
    decimal? ExitPrice = null,
    DateOnly? ExitDate = null,
    string? Underlying = null,
    decimal? Strike = null,
    DateOnly? Expiration = null)
{
    /// <summary>100 for options, 1 otherwise.</summary>
    public decimal Multiplier => Type.Multiplier();

    /// <summary>Signed cost at entry: quantity × entry price × multiplier (negative for shorts: proceeds).</summary>
    public decimal EntryCost => Quantity * EntryPrice * Multiplier;
}
