using Microsoft.EntityFrameworkCore;
using Npgsql;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.MarketData;

/// <summary>Writes closes with one set-based upsert on (symbol, date); unchanged rows are not rewritten.</summary>
public static class PriceUpserter
{
    public static Task<int> UpsertAsync(SigmaSightDbContext db, string source,
        IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>> closes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(closes);
        var rows = closes.SelectMany(s => s.Value.Select(c => (Symbol: s.Key, c.Key, c.Value))).ToList();
        if (rows.Count == 0) return Task.FromResult(0);
        return db.Database.ExecuteSqlRawAsync("""
            INSERT INTO sigmasight.prices (symbol, date, close, source)
            SELECT u.symbol, u.date, u.close, @source FROM unnest(@symbols, @dates, @closes) AS u(symbol, date, close)
            ON CONFLICT (symbol, date) DO UPDATE SET close = EXCLUDED.close, source = EXCLUDED.source
             WHERE prices.close IS DISTINCT FROM EXCLUDED.close OR prices.source IS DISTINCT FROM EXCLUDED.source
            """,
            [
                new NpgsqlParameter("source", source),
                new NpgsqlParameter("symbols", rows.Select(r => r.Symbol).ToArray()),
                new NpgsqlParameter("dates", rows.Select(r => r.Key).ToArray()),
                new NpgsqlParameter("closes", rows.Select(r => r.Value).ToArray()),
            ], cancellationToken);
    }
}
