using Microsoft.EntityFrameworkCore;

namespace SigmaSight.Service.Persistence;

/// <summary>One place that configures the provider, so the host and design-time tools agree.</summary>
public static class SigmaSightDbContextOptions
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", SigmaSightDbContext.Schema))
            .UseSnakeCaseNamingConvention();
    }
}
