using Npgsql;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Portfolios;

/// <summary>A <see cref="Position"/> read outside EF Core: its columns (alias <c>p</c>) and the reader of them.</summary>
internal static class PositionRow
{
    public const string Columns = """
        p.id, p.portfolio_id, p.symbol, p.position_type, p.investment_class, p.quantity, p.entry_price, p.entry_date,
        p.exit_price, p.exit_date, p.underlying_symbol, p.strike_price, p.expiration_date, p.lot_index
        """;

    /// <summary>The position whose <see cref="Columns"/> start at <paramref name="first"/>.</summary>
    public static Position Read(NpgsqlDataReader r, int first) => new()
    {
        Id = r.GetGuid(first), PortfolioId = r.GetGuid(first + 1), Symbol = r.GetString(first + 2), PositionType = r.GetString(first + 3),
        InvestmentClass = r.GetString(first + 4), Quantity = r.GetDecimal(first + 5), EntryPrice = r.GetDecimal(first + 6),
        EntryDate = r.GetFieldValue<DateOnly>(first + 7), ExitPrice = r.NullableValue<decimal>(first + 8),
        ExitDate = r.NullableValue<DateOnly>(first + 9), UnderlyingSymbol = r.NullableText(first + 10),
        StrikePrice = r.NullableValue<decimal>(first + 11), ExpirationDate = r.NullableValue<DateOnly>(first + 12),
        LotIndex = r.GetInt32(first + 13),
    };
}
