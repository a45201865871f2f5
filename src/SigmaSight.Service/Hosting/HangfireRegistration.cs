using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using SigmaSight.Service.Batches;

namespace SigmaSight.Service.Hosting;

/// <summary>Hangfire storage, global filters and this host's servers (DESIGN §4, "Hangfire settings that matter").</summary>
public static class HangfireRegistration
{
    public const string Schema = "hangfire";

    public static IServiceCollection AddSigmaSightHangfire(this IServiceCollection services, IConfiguration configuration)
    {
        var connection = DatabaseConnection.ForApplication(DatabaseConnection.Resolve(configuration), "sigmasight-hangfire");
        services.AddHangfire((provider, config) =>
        {
            var options = provider.GetRequiredService<IOptions<HangfireHostOptions>>().Value;
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connection), new PostgreSqlStorageOptions
                {
                    SchemaName = Schema,
                    PrepareSchemaIfNecessary = false,
                    QueuePollInterval = options.QueuePollInterval,
                    InvisibilityTimeout = options.InvisibilityTimeout,
                    UseSlidingInvisibilityTimeout = true,
                    DistributedLockTimeout = options.DistributedLockTimeout,
                })
                // Finished batch jobs outlive any run (issue 7, 1i): a starter re-run days later still continues
                // from them, and the dashboard still shows them. Hangfire's default is 1 day.
                .Entry.JobExpirationTimeout = options.JobExpirationTimeout;
            GlobalFilters.Install(provider);
        });

        var hosting = configuration.GetSection(HangfireHostOptions.SectionName).Get<HangfireHostOptions>() ?? new();
        if (!hosting.RunServers) return services;
        services.AddHostedService<Batches.Scheduling.RecurringJobRegistrar>();
        services.AddHangfireServer((provider, server) =>
        {
            server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:coord";
            server.Queues = [JobQueues.Coordination];
            server.WorkerCount = hosting.CoordinationWorkerCount;
            server.SchedulePollingInterval = hosting.SchedulePollingInterval;
        });
        if (hosting.EffectiveQueues.Count > 0)
        {
            services.AddHangfireServer((provider, server) =>
            {
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:work";
                server.Queues = [.. hosting.EffectiveQueues];
                server.WorkerCount = hosting.WorkerCount;
                server.SchedulePollingInterval = hosting.SchedulePollingInterval;
            });
        }
        return services;
    }

    /// <summary>
    /// Hangfire's filters are process-global: replace the default AutomaticRetry (10 attempts over ~4.5 h) with few,
    /// fast retries that never retry a non-transient error, and record permanent failures in the ledger.
    /// </summary>
    private static class GlobalFilters
    {
        private static readonly Lock Gate = new();

        public static void Install(IServiceProvider provider)
        {
            var batch = provider.GetRequiredService<IOptions<BatchOptions>>().Value;
            lock (Gate)
            {
                GlobalJobFilters.Filters.Remove<AutomaticRetryAttribute>();
                GlobalJobFilters.Filters.Remove<LedgerFailureFilter>();
                GlobalJobFilters.Filters.Remove<Observability.JobTelemetryFilter>();
                GlobalJobFilters.Filters.Add(new AutomaticRetryAttribute
                {
                    Attempts = batch.EffectiveRetryDelays.Count,
                    DelaysInSeconds = batch.EffectiveRetryDelays.Count == 0 ? [0] : [.. batch.EffectiveRetryDelays],
                    OnAttemptsExceeded = AttemptsExceededAction.Fail,
                    ExceptOn = [typeof(NonTransientBatchException), typeof(Analytics.Pnl.PnlDataException)],
                });
                GlobalJobFilters.Filters.Add(new LedgerFailureFilter(
                    provider.GetRequiredService<IServiceScopeFactory>(),
                    provider.GetRequiredService<ILogger<LedgerFailureFilter>>()));
                GlobalJobFilters.Filters.Add(new Observability.JobTelemetryFilter(
                    provider.GetRequiredService<Observability.BatchTelemetry>(),
                    provider.GetRequiredService<ILogger<Observability.JobTelemetryFilter>>()));
            }
        }
    }
}
