using Npgsql;

namespace SigmaSight.Service.Bench;

/// <summary>
/// The bench's own database, <c>&lt;database of SIGMASIGHT_DB&gt;_bench</c> on the same server: dropped (with its
/// connections) and created empty at the start of every bench, so two benches start from the same state and the
/// configured database is never touched.
/// </summary>
public static class BenchDatabase
{
    public const string Suffix = "_bench";

    /// <summary>The bench's connection string: the configured one with the database renamed.</summary>
    public static string ConnectionString(string configured)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured);
        var name = string.IsNullOrEmpty(builder.Database) ? builder.Username ?? "postgres" : builder.Database;
        if (name.EndsWith(Suffix, StringComparison.Ordinal))
            throw new ArgumentException($"bench: SIGMASIGHT_DB already names a bench database ({name}); give the main database");
        builder.Database = name + Suffix;
        return builder.ConnectionString;
    }

    /// <summary>Drops the bench database if it exists and creates it empty (through the server's maintenance database).</summary>
    public static async Task RecreateAsync(string benchConnectionString, CancellationToken cancellationToken)
    {
        var bench = new NpgsqlConnectionStringBuilder(benchConnectionString);
        var maintenance = new NpgsqlConnectionStringBuilder(benchConnectionString) { Database = "postgres", Pooling = false };
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var quoted = "\"" + bench.Database!.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        foreach (var sql in new[] { $"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)", $"CREATE DATABASE {quoted}" })
        {
#pragma warning disable CA2100 // The name is the configured database's plus a suffix, quoted as an identifier.
            await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
