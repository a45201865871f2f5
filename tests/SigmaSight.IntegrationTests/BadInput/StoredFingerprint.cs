using Npgsql;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.BadInput;

/// <summary>
/// What is stored, in one comparable map: every table of the sigmasight schema as "rows:md5 of its rows in text
/// order", plus how many Hangfire jobs exist and are queued (a refused request must enqueue nothing).
/// </summary>
public static class StoredFingerprint
{
    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'sigmasight' ORDER BY tablename", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        // Identifiers cannot be parameters; these come from the catalog and are quoted.
        var parts = tables.Select(t =>
            $"SELECT '{t}' AS item, count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS state FROM sigmasight.{Quote(t)} x")
            .Append("SELECT 'hangfire.job', count(*)::text FROM hangfire.job")
            .Append("SELECT 'hangfire.jobqueue', count(*)::text FROM hangfire.jobqueue");
        var fingerprint = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(string.Join("\nUNION ALL\n", parts), connection);
        await using var rows = await command.ExecuteReaderAsync();
        while (await rows.ReadAsync()) fingerprint[rows.GetString(0)] = rows.GetString(1);
        return fingerprint;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
