using Npgsql;

namespace SigmaSight.Service.MarketData.Import;

/// <summary>
/// The set-based steps after staging: which staged rows match stored ones (and which of those change), the
/// duplicate keys of the file, and the one upsert into <c>prices</c>. Optional values absent from the file never
/// erase stored ones; a stored row is rewritten only when a value differs.
/// </summary>
internal static class PriceMerge
{
    public const string Matched = "pg_temp.price_import_matched";
    private const string Staged = PriceStaging.Table;

    /// <summary>Whether the file's row <paramref name="s"/> changes the stored row <c>p</c>.</summary>
    private static string Differs(string s) => $"""
        p.close <> {s}.close OR ({s}.open IS NOT NULL AND p.open IS DISTINCT FROM {s}.open)
        OR ({s}.high IS NOT NULL AND p.high IS DISTINCT FROM {s}.high) OR ({s}.low IS NOT NULL AND p.low IS DISTINCT FROM {s}.low)
        OR ({s}.volume IS NOT NULL AND p.volume IS DISTINCT FROM {s}.volume)
        """;

    /// <summary>Analyzes the staging table and keeps the staged rows whose key is stored, with the stored close.</summary>
    public static async Task MatchAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await PriceSql.ExecuteAsync(connection, $"ANALYZE {Staged}", cancellationToken).ConfigureAwait(false);
        await PriceSql.ExecuteAsync(connection, $"""
            CREATE TEMP TABLE price_import_matched ON COMMIT DROP AS
            SELECT s.line, s.symbol, s.date, p.close AS old_close, s.close AS new_close, ({Differs("s")}) AS changed
              FROM {Staged} s JOIN sigmasight.prices p ON p.symbol = s.symbol AND p.date = s.date
            """, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every later line of a (symbol, date) that appears more than once in <paramref name="table"/>: the first
    /// <paramref name="limit"/> by line number as errors naming the first line, and how many there are.
    /// </summary>
    public static async Task<(List<PriceImportError> Listed, long Count)> DuplicatesAsync(NpgsqlConnection connection,
        string table, int limit, CancellationToken cancellationToken)
    {
        var rows = await PriceSql.QueryAsync(connection, $"""
            SELECT line, first_line, symbol, date, count(*) OVER () FROM (
                SELECT line, symbol, date, min(line) OVER (PARTITION BY symbol, date) AS first_line FROM {table}) d
             WHERE line <> first_line ORDER BY line LIMIT @limit
            """, r => (Error: new PriceImportError(r.GetInt64(0),
                    $"duplicate of line {r.GetInt64(1)} ({r.GetString(2)} on {r.GetFieldValue<DateOnly>(3):yyyy-MM-dd})"),
                Count: r.GetInt64(4)),
            cancellationToken, new NpgsqlParameter("limit", limit)).ConfigureAwait(false);
        return ([.. rows.Select(r => r.Error)], rows.Count == 0 ? 0 : rows[0].Count);
    }

    /// <summary>Drops the later lines of duplicated keys from the staging and matched tables (the first line stays).</summary>
    public static async Task DropDuplicatesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var table in new[] { Staged, Matched })
            await PriceSql.ExecuteAsync(connection, $"""
                DELETE FROM {table} t USING (
                    SELECT line, min(line) OVER (PARTITION BY symbol, date) AS first_line FROM {table}) d
                 WHERE t.line = d.line AND d.line <> d.first_line
                """, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The one upsert, in key order (the index is filled page by page); returns the rows inserted or rewritten. When no
    /// staged key is stored (<paramref name="onlyNewKeys"/>, e.g. a first import) it is a plain insert, about twice as
    /// fast: a key given twice, or stored meanwhile by another writer, then fails it with a unique violation.
    /// </summary>
    public static Task<int> UpsertAsync(NpgsqlConnection connection, string source, bool onlyNewKeys, CancellationToken cancellationToken) =>
        PriceSql.ExecuteAsync(connection, $"""
            INSERT INTO sigmasight.prices AS p (symbol, date, close, open, high, low, volume, source)
            SELECT symbol, date, close, open, high, low, volume, @source FROM {Staged} ORDER BY symbol, date
            {(onlyNewKeys ? "" : $"""
                ON CONFLICT (symbol, date) DO UPDATE SET close = EXCLUDED.close, open = coalesce(EXCLUDED.open, p.open),
                       high = coalesce(EXCLUDED.high, p.high), low = coalesce(EXCLUDED.low, p.low),
                       volume = coalesce(EXCLUDED.volume, p.volume), source = EXCLUDED.source
                 WHERE {Differs("EXCLUDED")}
                """)}
            """, cancellationToken, new NpgsqlParameter("source", source));

    /// <summary>True when no staged key is stored.</summary>
    public static async Task<bool> NoneMatchedAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        (await PriceSql.QueryAsync(connection, $"SELECT NOT EXISTS (SELECT 1 FROM {Matched})", r => r.GetBoolean(0), cancellationToken)
            .ConfigureAwait(false))[0];

    /// <summary>Matched rows, those that change, and those whose close changes.</summary>
    public static async Task<(long Matched, long Changed, long ClosesChanged)> CountsAsync(NpgsqlConnection connection,
        CancellationToken cancellationToken)
    {
        var counts = await PriceSql.QueryAsync(connection, $"""
            SELECT count(*), count(*) FILTER (WHERE changed), count(*) FILTER (WHERE old_close <> new_close) FROM {Matched}
            """, r => (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)), cancellationToken).ConfigureAwait(false);
        return counts[0];
    }

    /// <summary>The first <paramref name="limit"/> changed closes, by symbol and date.</summary>
    public static Task<List<CloseChange>> ChangesAsync(NpgsqlConnection connection, int limit, CancellationToken cancellationToken) =>
        PriceSql.QueryAsync(connection, $"""
            SELECT symbol, date, old_close, new_close FROM {Matched} WHERE old_close <> new_close ORDER BY symbol, date LIMIT @limit
            """, r => new CloseChange(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetDecimal(2), r.GetDecimal(3)),
            cancellationToken, new NpgsqlParameter("limit", limit));
}
