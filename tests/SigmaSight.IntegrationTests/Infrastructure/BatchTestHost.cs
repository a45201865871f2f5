using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.Cli;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Portfolios.Demo;

namespace SigmaSight.IntegrationTests.Infrastructure;

/// <summary>
/// A real service host on the test database: Hangfire servers on every queue (real PostgreSQL storage), short poll
/// intervals, immediate retries, and a clock frozen at <see cref="Now"/> so the demo's dates are fixed.
/// </summary>
public sealed partial class BatchTestHost : IAsyncDisposable
{
    /// <summary>Friday 2026-10-30, 17:00 New York: the business date is 2026-10-30.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 10, 30, 21, 0, 0, TimeSpan.Zero);

    private readonly IHost _host;

    private BatchTestHost(IHost host, DateTimeOffset now)
    {
        _host = host;
        Now = now;
    }

    public DateTimeOffset Now { get; }

    public IServiceProvider Services => _host.Services;

    private static readonly SemaphoreSlim MigrateOnce = new(1, 1);
    private static bool _migrated;

    /// <summary>Migrates the test database (once per process), empties it, then starts a host on it.</summary>
    public static async Task<BatchTestHost> StartAsync(DateTimeOffset? now = null,
        IReadOnlyDictionary<string, string?>? settings = null, bool reset = true, bool withServers = true,
        Action<IServiceCollection>? configureServices = null)
    {
        await MigrateAsync();
        if (reset) await TestDatabase.ResetAsync();
        var clock = now ?? DefaultNow;
        var merged = Settings;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) merged[key] = value;
        var host = CliHost.Build(withServers, merged, services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FixedClock(clock)));
            configureServices?.Invoke(services);
        });
        await host.StartAsync();
        return new BatchTestHost(host, clock);
    }

    private static async Task MigrateAsync()
    {
        await MigrateOnce.WaitAsync();
        try
        {
            if (_migrated) return;
            using var host = CliHost.Build(withServers: false, Settings);
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            _migrated = true;
        }
        finally
        {
            MigrateOnce.Release();
        }
    }

    private static Dictionary<string, string?> Settings => new()
    {
            ["SIGMASIGHT_DB"] = TestDatabase.ConnectionString,
            ["Batch:RetryDelaysSeconds:0"] = "0",
            ["Batch:WaitPollInterval"] = "00:00:00.200",
            ["Hangfire:QueuePollInterval"] = "00:00:00.200",
            ["Hangfire:SchedulePollingInterval"] = "00:00:01",
            ["Hangfire:WorkerCount"] = "4",
            ["Schedule:Enabled"] = "false",
            ["Schedule:StuckAwaitingAfter"] = "00:00:00",
            ["Schedule:RepairGrace"] = "00:00:00",
        };

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>The first <paramref name="count"/> trading days from the earliest portfolio inception.</summary>
    public Task<List<DateOnly>> FirstTradingDaysAsync(int count) => WithScopeAsync(async s =>
    {
        var calendar = await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None);
        var inception = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.MinAsync(
            s.GetRequiredService<SigmaSightDbContext>().Portfolios, p => p.InceptionDate);
        return calendar.TradingDays(inception, calendar.AddTradingDays(inception, count - 1)).ToList();
    });

    public Task<string> SeedDemoAsync() =>
        WithScopeAsync(s => s.GetRequiredService<DemoSeeder>().SeedAsync(reset: false, CancellationToken.None));

    public Task<RunHandle> StartBackfillAsync(DateOnly from, DateOnly to, bool force = false) =>
        WithScopeAsync(s => s.GetRequiredService<RunStarter>().StartAsync(
            new RunRequest(RunKind.Backfill, from, to, RunScope.All, "test", Now, force), CancellationToken.None));

    public Task<RunHandle> StartRecomputeAsync(Guid portfolioId, DateOnly from, DateOnly to) =>
        WithScopeAsync(s => s.GetRequiredService<RunStarter>().StartAsync(
            new RunRequest(RunKind.Recompute, from, to, RunScope.ForPortfolio(portfolioId), "test", Now, Force: true),
            CancellationToken.None));

    /// <summary>
    /// A finished run of one day, added directly to the ledger (no phases, no items): the host's reconciler and starters
    /// leave it alone while a test fills it. Its scope names it, so runs of the same day do not collide.
    /// </summary>
    public Task<Guid> AddFinishedRunAsync(string scope, DateOnly day) => WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<SigmaSightDbContext>();
        var now = s.GetRequiredService<TimeProvider>().GetUtcNow();
        var run = new BatchRun
        {
            Id = Guid.CreateVersion7(), BusinessDate = day, Kind = RunKind.Backfill, Scope = scope, RangeFrom = day, RangeTo = day,
            Status = RunStatus.Completed, RequestedBy = "test", TriggerTime = now, CreatedAt = now,
        };
        db.BatchRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    });

    public Task<BatchRun> WaitAsync(Guid runId, int timeoutSeconds = 240) =>
        WithScopeAsync(s => s.GetRequiredService<RunWaiter>()
            .WaitAsync(runId, TimeSpan.FromSeconds(timeoutSeconds), TextWriter.Null, CancellationToken.None));

    /// <summary>Polls the run until it has the expected status (verify may run several times after a repair).</summary>
    public async Task<BatchRun> WaitForStatusAsync(Guid runId, RunStatus expected, int timeoutSeconds = 240)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var run = await WithScopeAsync(async s =>
            {
                var db = s.GetRequiredService<SigmaSightDbContext>();
                return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                    Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.BatchRuns), r => r.Id == runId);
            });
            if (run.Status == expected || waited.Elapsed > TimeSpan.FromSeconds(timeoutSeconds)) return run;
            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
