using Npgsql;
using NpgsqlTypes;
using SigmaSight.Service.MarketData;

namespace SigmaSight.Service.Bench;

/// <summary>
/// Writes the bench universe and books into the (empty, migrated) bench database with binary COPY, as the price import
/// stages its rows: 2,000 symbols × 300 days is about 600,000 price rows and takes seconds.
/// </summary>
public static class BenchSeeder
{
    public const string Source = "bench";

    public static async Task<long> SeedAsync(string connectionString, BenchUniverse universe, IReadOnlyList<BenchBook> books,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(universe);
        ArgumentNullException.ThrowIfNull(books);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        long rows = 0;
        rows += await CopyAsync(connection, "sigmasight.securities (symbol, name, asset_type, sector, industry)",
            universe.Stocks.Select(s => new object?[] { s.Symbol, $"Bench {s.Symbol}", AssetTypes.Stock, s.Sector, s.Industry })
                .Concat(universe.Proxies.Select(p => new object?[] { p, $"Bench proxy {p}", AssetTypes.Etf, null, null })),
            [NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text], cancellationToken).ConfigureAwait(false);
        rows += await CopyAsync(connection, "sigmasight.prices (symbol, date, close, source)",
            universe.Symbols.SelectMany(s => universe.Closes(s).Select((close, t) => new object?[] { s, universe.Days[t], (decimal)close, Source })),
            [NpgsqlDbType.Text, NpgsqlDbType.Date, NpgsqlDbType.Numeric, NpgsqlDbType.Text], cancellationToken).ConfigureAwait(false);
        rows += await CopyAsync(connection, "sigmasight.portfolios (id, name, owner, currency, inception_date, is_active, created_at)",
            books.Select(b => b.Portfolio).Select(p => new object?[] { p.Id, p.Name, p.Owner, p.Currency, p.InceptionDate, p.IsActive, p.CreatedAt }),
            [NpgsqlDbType.Uuid, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Date, NpgsqlDbType.Boolean, NpgsqlDbType.TimestampTz],
            cancellationToken).ConfigureAwait(false);
        rows += await CopyAsync(connection, "sigmasight.equity_changes (id, portfolio_id, change_date, change_type, amount)",
            books.Select(b => b.Funding).Select(f => new object?[] { f.Id, f.PortfolioId, f.ChangeDate, f.ChangeType, f.Amount }),
            [NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Date, NpgsqlDbType.Text, NpgsqlDbType.Numeric], cancellationToken).ConfigureAwait(false);
        rows += await CopyAsync(connection, "sigmasight.positions (id, portfolio_id, symbol, position_type, investment_class, quantity, " +
            "entry_price, entry_date, underlying_symbol, strike_price, expiration_date, lot_index)",
            books.SelectMany(b => b.Lots).Select(l => new object?[]
            {
                l.Id, l.PortfolioId, l.Symbol, l.PositionType, l.InvestmentClass, l.Quantity, l.EntryPrice, l.EntryDate,
                l.UnderlyingSymbol, l.StrikePrice, l.ExpirationDate, l.LotIndex,
            }),
            [NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Numeric,
                NpgsqlDbType.Numeric, NpgsqlDbType.Date, NpgsqlDbType.Text, NpgsqlDbType.Numeric, NpgsqlDbType.Date, NpgsqlDbType.Integer],
            cancellationToken).ConfigureAwait(false);
        await using (var analyze = new NpgsqlCommand("ANALYZE", connection))
            await analyze.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }

    // Synchronous writes: they only block when Npgsql's buffer is full, and an await per value costs more than the row.
#pragma warning disable CA1849
    private static async Task<long> CopyAsync(NpgsqlConnection connection, string target, IEnumerable<object?[]> rows,
        NpgsqlDbType[] types, CancellationToken cancellationToken)
    {
        long count = 0;
#pragma warning disable CA2100 // The target is one of the constant table/column lists above.
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", cancellationToken)
            .ConfigureAwait(false);
#pragma warning restore CA2100
        foreach (var row in rows)
        {
            copy.StartRow();
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is null) copy.WriteNull();
                else copy.Write(row[i], types[i]);
            }
            count++;
        }
        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }
#pragma warning restore CA1849
}
