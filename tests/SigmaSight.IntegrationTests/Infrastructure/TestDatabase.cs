using Npgsql;

namespace SigmaSight.IntegrationTests.Infrastructure;

/// <summary>The real PostgreSQL test database (SIGMASIGHT_TEST_DB, set by deploy/test.sh), reset between tests.</summary>
public static class TestDatabase
{
    public static string ConnectionString { get; } = Environment.GetEnvironmentVariable("SIGMASIGHT_TEST_DB")
        ?? throw new InvalidOperationException(
            "SIGMASIGHT_TEST_DB is not set: run the tests through deploy/test.sh, which starts PostgreSQL and sets it");

    /// <summary>The analytics reference tables that <c>migrate</c> loads; a reset keeps them, as it keeps the schema.</summary>
    public static IReadOnlyList<string> ReferenceTables { get; } = ["factor_definitions", "stress_scenarios", "sector_benchmark_weights"];

    /// <summary>
    /// Empties every table of both schemas, keeping Hangfire's schema version and the reference data that
    /// <c>migrate</c> loaded (<see cref="ReferenceTables"/>; a test that edits them restores them).
    /// </summary>
    public static async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var kept = string.Join(", ", ReferenceTables.Select(t => $"'{t}'"));
        await using var command = new NpgsqlCommand($$"""
            DO $$
            DECLARE tables text;
            BEGIN
              SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') INTO tables
                FROM pg_tables
               WHERE schemaname IN ('sigmasight', 'hangfire')
                 AND tablename NOT IN ('__ef_migrations_history', 'schema', {{kept}});
              IF tables IS NOT NULL THEN EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY CASCADE'; END IF;
            END $$;
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task<List<string>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i =>
                Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }
}
