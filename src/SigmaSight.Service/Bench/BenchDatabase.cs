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

    /// <summary>
    /// The server's version, shared buffers and huge-page setting, and this machine's reserved 2 MB pages (from
    /// <c>/proc/meminfo</c>; the bench's server is local): on a virtual machine, 4 kB pages of shared memory cost every
    /// backend more the more of it a night touches (README, "Session 24").
    /// </summary>
    public static async Task<string> DescribeServerAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT current_setting('server_version') || ', shared_buffers ' || current_setting('shared_buffers') || ', huge_pages ' || current_setting('huge_pages')",
            connection);
        var server = (string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        var meminfo = File.Exists("/proc/meminfo") ? await File.ReadAllLinesAsync("/proc/meminfo", cancellationToken).ConfigureAwait(false) : [];
        string Pages(string key) => meminfo.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?[key.Length..].Trim() ?? "n/a";
        return $"PostgreSQL {server}; this machine's huge pages: {Pages("HugePages_Total:")} reserved, {Pages("HugePages_Free:")} free";
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
