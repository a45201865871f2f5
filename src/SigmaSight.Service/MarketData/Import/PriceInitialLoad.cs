using Npgsql;

namespace SigmaSight.Service.MarketData.Import;

/// <summary>
/// The first import into an empty <c>prices</c>: the file is copied straight into the table with its primary key
/// dropped (COPY FREEZE into the table truncated in the same transaction), and the key is built once at the end. An
/// indexed insert runs at PostgreSQL's b-tree speed (about 236,000 rows/s on a 2-core machine); loading the heap and
/// sorting once for the key runs at more than twice that. It holds <c>prices</c> with an ACCESS EXCLUSIVE lock until
/// the commit: readers wait for the load instead of reading an empty table. All or nothing like any import: a refused
/// file rolls the truncation and the dropped key back with everything else.
/// <para>
/// The file's duplicate keys surface when the key is built. Their line numbers come from the heap's order: a table
/// truncated in this transaction and filled by one COPY stores its rows in the order they were copied, and
/// <see cref="PriceLineMap"/> gives each copied row's line.
/// </para>
/// </summary>
internal sealed class PriceInitialLoad(string source) : IPriceCopyTarget
{
    private const string Prices = "sigmasight.prices";
    private const string Key = "pk_prices";

    private readonly PriceLineMap _lines = new();

    /// <summary>
    /// When <c>prices</c> holds no row and the importing role may truncate it and alter it (its owner, or a member of
    /// the owner's role): locks it, truncates it and drops its key (true). False, having changed nothing but perhaps
    /// the lock, when it holds rows (committed by another writer before the lock was granted) or the role may not:
    /// the import then merges as usual.
    /// </summary>
    public static async Task<bool> TryBeginAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (!await LoadableAsync(connection, cancellationToken).ConfigureAwait(false)) return false;
        await PriceSql.ExecuteAsync(connection, $"LOCK TABLE {Prices} IN ACCESS EXCLUSIVE MODE", cancellationToken).ConfigureAwait(false);
        if (!await LoadableAsync(connection, cancellationToken).ConfigureAwait(false)) return false;
        await PriceSql.ExecuteAsync(connection, $"TRUNCATE {Prices}", cancellationToken).ConfigureAwait(false);
        await PriceSql.ExecuteAsync(connection, $"ALTER TABLE {Prices} DROP CONSTRAINT {Key}", cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// A binary COPY written by <see cref="PgBinaryRows"/>: cheaper for the client than Npgsql's typed importer and for
    /// the server than the text format.
    /// </summary>
    public async Task<IPriceCopy> BeginAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var stream = await connection.BeginRawBinaryCopyAsync(
            $"COPY {Prices} (symbol, date, close, open, high, low, volume, source) FROM STDIN (FORMAT BINARY, FREEZE)", cancellationToken)
            .ConfigureAwait(false);
        var rows = new PgBinaryRows(stream);
        rows.Header();
        return new BinaryCopy(stream, rows, _lines, source);
    }

    private sealed class BinaryCopy(NpgsqlRawCopyStream stream, PgBinaryRows rows, PriceLineMap lines, string source) : IPriceCopy
    {
        private const short Columns = 8;
        private bool _completed;

        public void Write(PriceRow row)
        {
            lines.Add(row.Line);
            rows.StartRow(Columns);
            rows.Text(row.Symbol);
            rows.Date(row.Date);
            rows.Numeric(row.Close);
            Numeric(row.Open);
            Numeric(row.High);
            Numeric(row.Low);
            if (row.Volume is { } volume) rows.Int64(volume);
            else rows.Null();
            rows.Text(source);
        }

        private void Numeric(decimal? value)
        {
            if (value is { } v) rows.Numeric(v);
            else rows.Null();
        }

        /// <summary>Sends the trailer; disposing the raw stream ends the COPY.</summary>
        public async Task CompleteAsync(CancellationToken cancellationToken)
        {
            rows.Trailer();
            _completed = true;
            await stream.DisposeAsync().ConfigureAwait(false);
        }

        /// <summary>An unfinished copy (the read failed or was cancelled) is cancelled, not ended with a partial file.</summary>
        public async ValueTask DisposeAsync()
        {
            if (!_completed) await stream.CancelAsync().ConfigureAwait(false);
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Lists every later line of a key the file gives twice (the first <paramref name="limit"/>, and the count).</summary>
    public async Task ListDuplicatesAsync(NpgsqlConnection connection, PriceErrors errors, int limit, CancellationToken cancellationToken)
    {
        var rows = await PriceSql.QueryAsync(connection, $"""
            SELECT ordinal, first_ordinal, symbol, date, count(*) OVER () FROM (
                SELECT ordinal, symbol, date, min(ordinal) OVER (PARTITION BY symbol, date) AS first_ordinal
                  FROM (SELECT row_number() OVER (ORDER BY ctid) AS ordinal, symbol, date FROM {Prices}) copied) d
             WHERE ordinal <> first_ordinal ORDER BY ordinal LIMIT @limit
            """, r => (Error: new PriceImportError(_lines.LineOf(r.GetInt64(0)),
                    $"duplicate of line {_lines.LineOf(r.GetInt64(1))} ({r.GetString(2)} on {r.GetFieldValue<DateOnly>(3):yyyy-MM-dd})"),
                Count: r.GetInt64(4)),
            cancellationToken, new NpgsqlParameter("limit", limit)).ConfigureAwait(false);
        errors.AddRange(rows.Select(r => r.Error), rows.Count == 0 ? 0 : rows[0].Count);
    }

    /// <summary>
    /// Builds the key (with the server's <c>maintenance_work_mem</c> and parallel workers: measured on 5,000,000 rows, 1 GB
    /// of sort memory was no faster than the default 64 MB); the rows stored, or null when the file gives a key twice and <paramref name="skipBadRows"/> is off
    /// (the duplicates are then listed in <paramref name="errors"/>). With it, the later lines of a key are dropped.
    /// </summary>
    public async Task<long?> FinishAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, bool skipBadRows,
        PriceErrors errors, int limit, CancellationToken cancellationToken)
    {
        const string savepoint = "before_key";
        await transaction.SaveAsync(savepoint, cancellationToken).ConfigureAwait(false);
        try
        {
            await AddKeyAsync(connection, cancellationToken).ConfigureAwait(false);
            return _lines.Count;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await transaction.RollbackAsync(savepoint, cancellationToken).ConfigureAwait(false);
        }
        var before = errors.Count;
        await ListDuplicatesAsync(connection, errors, limit, cancellationToken).ConfigureAwait(false);
        if (!skipBadRows) return null;
        var dropped = await PriceSql.ExecuteAsync(connection, $"""
            DELETE FROM {Prices} p USING (
                SELECT ctid AS row_id, row_number() OVER (PARTITION BY symbol, date ORDER BY ctid) AS nth FROM {Prices}) d
             WHERE p.ctid = d.row_id AND d.nth > 1
            """, cancellationToken).ConfigureAwait(false);
        if (dropped != errors.Count - before)
            throw new InvalidOperationException($"dropped {dropped} duplicate rows, listed {errors.Count - before}");
        await AddKeyAsync(connection, cancellationToken).ConfigureAwait(false);
        return _lines.Count - dropped;
    }

    private static Task<int> AddKeyAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        PriceSql.ExecuteAsync(connection, $"ALTER TABLE {Prices} ADD CONSTRAINT {Key} PRIMARY KEY (symbol, date)", cancellationToken);

    private static async Task<bool> LoadableAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        (await PriceSql.QueryAsync(connection, $"""
            SELECT NOT EXISTS (SELECT 1 FROM {Prices}) AND has_table_privilege('{Prices}', 'TRUNCATE')
               AND pg_has_role((SELECT relowner FROM pg_class WHERE oid = '{Prices}'::regclass), 'USAGE')
            """, r => r.GetBoolean(0), cancellationToken).ConfigureAwait(false))[0];
}
