using System.Reflection;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Repair;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.IntegrationTests.Orchestration;

/// <summary>Issue 7's ledger edges 1f (overlapping reconcilers), 1h (superseded runs) and 1i (expired parents).</summary>
[Collection(SharedDatabase.Name)]
public sealed class LedgerEdgeTests
{
    private static async Task<List<DateOnly>> DemoDaysAsync(BatchTestHost host)
    {
        await host.SeedDemoAsync();
        return await host.WithScopeAsync(async s =>
        {
            var calendar = await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None);
            var inception = await s.GetRequiredService<SigmaSightDbContext>().Portfolios.MinAsync(p => p.InceptionDate);
            return calendar.TradingDays(inception, BusinessDate.Resolve(host.Now, calendar)).ToList();
        });
    }

    [Fact]
    public async Task ReconcilerPass_SkipsAtOnce_WhileAnotherPassHoldsTheLock_AndIsNeverRetried()
    {
        await using var host = await BatchTestHost.StartAsync(withServers: false);
        await using (var other = new NpgsqlConnection(TestDatabase.ConnectionString + ";Pooling=false"))
        {
            await other.OpenAsync(TestContext.Current.CancellationToken);
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock(hashtextextended('{Reconciler.LockKey}', 0))", other))
                await take.ExecuteScalarAsync(TestContext.Current.CancellationToken);

            var skipped = await host.WithScopeAsync(s => s.GetRequiredService<Reconciler>().ReconcileAsync(CancellationToken.None));

            skipped.Skipped.Should().Be("another reconciler pass holds the lock");
            skipped.ToString().Should().StartWith("skipped:");
        }

        // The server releases the lock when the closed session's backend exits, a moment after the close (or another
        // host's pass may hold it briefly): a pass soon after must run.
        var ran = await host.WithScopeAsync(s => s.GetRequiredService<Reconciler>().ReconcileAsync(CancellationToken.None));
        for (var attempt = 0; ran.Skipped is not null && attempt < 50; attempt++)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            ran = await host.WithScopeAsync(s => s.GetRequiredService<Reconciler>().ReconcileAsync(CancellationToken.None));
        }

        ran.Skipped.Should().BeNull("the other session ended, and its lock with it");
        var method = typeof(ReconcileJob).GetMethod(nameof(ReconcileJob.RunAsync))!;
        method.GetCustomAttribute<AutomaticRetryAttribute>()!.Attempts.Should().Be(0, "the next minute's pass is the retry");
        method.GetCustomAttribute<DisableConcurrentExecutionAttribute>().Should().BeNull("its lock expires while a long pass runs");
    }

    [Fact]
    public async Task SupersededRunningRun_IsClosed_ItsChainsDoNothing_AndAWaiterFollowsTheNewRun()
    {
        await using var host = await BatchTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Batch:TestPnlDelay"] = "00:00:01" });
        var days = await DemoDaysAsync(host);
        var range = (From: days[0], To: days[4]);
        var first = await host.StartBackfillAsync(range.From, range.To);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.batch_items WHERE run_id = '{first.RunId}' AND phase = 3 AND status = 'Succeeded'") == 0
               && waited.Elapsed < TimeSpan.FromSeconds(90))
            await Task.Delay(100, TestContext.Current.CancellationToken);

        var second = await host.StartBackfillAsync(range.From, range.To, force: true);
        var followed = await host.WaitAsync(first.RunId);

        followed.Id.Should().Be(second.RunId, "a waiter on the superseded run follows the run that took over");
        followed.Status.Should().Be(RunStatus.Completed, followed.Summary);
        (await TestDatabase.ScalarAsync<string>($"SELECT status || ' | ' || summary FROM sigmasight.batch_runs WHERE id = '{first.RunId}'"))
            .Should().Be($"Superseded | superseded by run {second.RunId} before it finished");
        (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.batch_items WHERE run_id = '{first.RunId}' AND status IN ('Pending', 'Running')"))
            .Should().Be(0, "nothing of the superseded run stays open");
        (await TestDatabase.RowsAsync("SELECT portfolio_id, snapshot_date, count(*) FROM sigmasight.portfolio_snapshots GROUP BY 1, 2"))
            .Should().HaveCount(5 * 5).And.OnlyContain(r => r.EndsWith("|1", StringComparison.Ordinal));
        (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.batch_runs WHERE status = 'Running'")).Should().Be(0);
        (await Oracle.RecomputeSnapshotsAsync()).ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task FinishedBatchJobs_OutliveTheLongestRun_NotHangfiresOneDayDefault()
    {
        await using var host = await BatchTestHost.StartAsync();
        var days = await DemoDaysAsync(host);

        var run = await host.WaitAsync((await host.StartBackfillAsync(days[0], days[1])).RunId);

        run.Status.Should().Be(RunStatus.Completed, run.Summary);
        (await TestDatabase.ScalarAsync<double>("""
            SELECT extract(epoch FROM min(expireat) - now()) / 86400 FROM hangfire.job WHERE statename = 'Succeeded'
            """)).Should().BeGreaterThan(13.9, "Hangfire:JobExpirationTimeout defaults to 14 days");
    }
}
