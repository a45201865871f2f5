using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.Risk;

namespace SigmaSight.Service.Persistence;

/// <summary>
/// Applies the EF Core migrations (schema <c>sigmasight</c>), installs Hangfire's schema and loads the analytics
/// reference data (<see cref="ReferenceDataSeeder"/>), under an advisory lock so concurrent <c>migrate</c> calls never
/// race on DDL. Hosts start with PrepareSchemaIfNecessary = false.
/// </summary>
public sealed partial class DatabaseMigrator(
    SigmaSightDbContext db, ReferenceDataSeeder referenceData, IConfiguration configuration, ILoggerFactory loggerFactory,
    ILogger<DatabaseMigrator> logger)
{
    private const long MigrationLock = 0x5167_6D61_5369_6768;

    /// <summary>Migrates and seeds; returns what the reference data seeding wrote (nothing on a re-run).</summary>
    public async Task<ReferenceDataChanges> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnection.Resolve(configuration));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            lockCommand.Parameters.AddWithValue("key", MigrationLock);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            // The installer's static logger comes from Hangfire's global log provider on first use. Point it at this
            // host's logger factory first: left at an earlier host's (disposed) factory, the type initializer throws
            // and every later install in the process fails.
            Hangfire.Logging.LogProvider.SetCurrentLogProvider(new Hangfire.AspNetCore.AspNetCoreLogProvider(loggerFactory));
            PostgreSqlObjectsInstaller.Install(connection, HangfireRegistration.Schema);
            var changes = await referenceData.SeedAsync(cancellationToken).ConfigureAwait(false);
            LogMigrated(logger, pending.Count);
            return changes;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", MigrationLock);
            await unlock.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Database migrated: {Count} migration(s) applied, Hangfire schema installed")]
    private static partial void LogMigrated(ILogger logger, int count);
}
