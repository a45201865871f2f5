using Npgsql;

namespace SigmaSight.Service.Persistence;

/// <summary>
/// Reading an <see cref="NpgsqlBatch"/>'s result sets in order, one query each, without EF Core's query pipeline: what a
/// job reads in one round trip (issue 10: most of a small query's cost was the query itself, not its rows).
/// </summary>
internal static class BatchReads
{
    /// <summary>The rows of the current result set.</summary>
    public static async Task<List<T>> RowsAsync<T>(this NpgsqlDataReader reader, Func<NpgsqlDataReader, T> row,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(row);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) rows.Add(row(reader));
        return rows;
    }

    /// <summary>Moves to the next result set and returns its rows.</summary>
    public static async Task<List<T>> NextRowsAsync<T>(this NpgsqlDataReader reader, Func<NpgsqlDataReader, T> row,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
            throw new InvalidOperationException("a batch returned fewer result sets than it has queries");
        return await reader.RowsAsync(row, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a write batch whose only command that returns rows returns at most one integer (a ledger success's
    /// <c>remaining</c>, <see cref="Batches.BatchLedger.SuccessCommand"/>): that integer, or null when it returned no row.
    /// </summary>
    public static async Task<int?> ExecuteForValueAsync(this NpgsqlBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        int? value = null;
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        do
        {
            while (reader.FieldCount > 0 && await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) value = reader.GetInt32(0);
        }
        while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
        return value;
    }

    public static T? NullableValue<T>(this NpgsqlDataReader reader, int ordinal) where T : struct
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
    }

    public static string? NullableText(this NpgsqlDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }
}
