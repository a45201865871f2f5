using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SigmaSight.Service.Cli;
using SigmaSight.Service.Persistence;

namespace SigmaSight.IntegrationTests.Infrastructure;

/// <summary>For tests whose Hangfire servers run in other processes: the database and a client host only.</summary>
public sealed partial class BatchTestHost
{
    /// <summary>What <see cref="StartAsync"/> does before its host starts: migrate (once per process), then empty.</summary>
    public static async Task PrepareDatabaseAsync()
    {
        await MigrateAsync();
        await TestDatabase.ResetAsync();
    }

    /// <summary>
    /// A host on the test database WITHOUT Hangfire servers (it seeds, starts runs and enqueues; nothing runs in
    /// it), with the clock frozen at <paramref name="now"/> (default <see cref="DefaultNow"/>).
    /// </summary>
    public static IHost BuildClient(DateTimeOffset? now = null) =>
        CliHost.Build(withServers: false, Settings, services =>
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FixedClock(now ?? DefaultNow))));

    /// <summary>
    /// Puts the reference data (<see cref="TestDatabase.ReferenceTables"/>) back as <c>migrate</c> loads it, for a test
    /// that edited it (a reset keeps those tables): empties them and migrates.
    /// </summary>
    public static async Task RestoreReferenceDataAsync()
    {
        await TestDatabase.ExecuteAsync($"TRUNCATE {string.Join(", ", TestDatabase.ReferenceTables.Select(t => "sigmasight." + t))} CASCADE");
        using var host = BuildClient();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
    }
}
