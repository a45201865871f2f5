using Microsoft.EntityFrameworkCore;
using Npgsql;
using SigmaSight.Service.MarketData.Import;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.MarketData;

/// <summary>
/// Writes closes with one set-based upsert on (symbol, date); unchanged rows are not rewritten. A stored close the
/// provider now gives differently (a vendor's revision) is replaced, and in the same statement every portfolio whose
/// snapshots may have used the old close is marked for rebuild (<see cref="RevisedCloseRebuilds"/>), as a price
/// import's correction is: no snapshot keeps a close that is no longer stored.
/// </summary>
public static class PriceUpserter
{
    /// <summary>The upsert, the revised closes and their rebuilds: SQL text built once from constants, every value a parameter.</summary>
    private static readonly string Sql = $$"""
        WITH incoming AS (
            SELECT u.symbol, u.date, u.close FROM unnest(@symbols, @dates, @closes) AS u(symbol, date, close)),
        previous AS (
            SELECT p.symbol, p.date, p.close FROM sigmasight.prices p JOIN incoming i ON i.symbol = p.symbol AND i.date = p.date),
        written AS (
            INSERT INTO sigmasight.prices (symbol, date, close, source)
            SELECT i.symbol, i.date, i.close, @source FROM incoming i
            ON CONFLICT (symbol, date) DO UPDATE SET close = EXCLUDED.close, source = EXCLUDED.source
             WHERE prices.close IS DISTINCT FROM EXCLUDED.close OR prices.source IS DISTINCT FROM EXCLUDED.source
            RETURNING prices.symbol, prices.date, prices.close),
        changed AS (
            SELECT w.symbol, w.date, p.close AS old_close, w.close AS new_close
              FROM written w JOIN previous p ON p.symbol = w.symbol AND p.date = w.date WHERE p.close <> w.close),
        {{RevisedCloseRebuilds.Ctes("changed")}}
        SELECT NULL, NULL, NULL, NULL, (SELECT count(*) FROM written)::int, (SELECT count(*) FROM marked)::int
        UNION ALL
        SELECT c.symbol, c.date, c.old_close, c.new_close, NULL, NULL FROM changed c
        """;

    public static async Task<PriceUpsert> UpsertAsync(SigmaSightDbContext db, string source,
        IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>> closes, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(closes);
        var rows = closes.SelectMany(s => s.Value.Select(c => (Symbol: s.Key, c.Key, c.Value))).ToList();
        if (rows.Count == 0) return new PriceUpsert(0, []);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(Sql, (NpgsqlConnection)db.Database.GetDbConnection());
        command.Parameters.Add(new NpgsqlParameter("source", source));
        command.Parameters.Add(new NpgsqlParameter("symbols", rows.Select(r => r.Symbol).ToArray()));
        command.Parameters.Add(new NpgsqlParameter("dates", rows.Select(r => r.Key).ToArray()));
        command.Parameters.Add(new NpgsqlParameter("closes", rows.Select(r => r.Value).ToArray()));
        command.Parameters.Add(new NpgsqlParameter("now", now));
        command.Parameters.Add(new NpgsqlParameter("why", $"the provider {source} revised closes it was valued with"));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var (written, revised) = (0, new List<CloseChange>());
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reader.IsDBNull(0)) written = reader.GetInt32(4);
            else revised.Add(new CloseChange(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetDecimal(2), reader.GetDecimal(3)));
        }
        return new PriceUpsert(written, [.. revised.OrderBy(c => c.Symbol, StringComparer.Ordinal).ThenBy(c => c.Date)]);
    }
}

/// <summary>Price rows written (inserted or changed), and the stored closes that changed value.</summary>
public sealed record PriceUpsert(int Written, IReadOnlyList<CloseChange> Revised);
