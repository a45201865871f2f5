using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Portfolios.Demo;

namespace SigmaSight.IntegrationTests.ScaleOut;

/// <summary>
/// Scale-out (issue 3 §8): real host processes of the service binary on one database. Nothing runs in the test
/// process: it seeds, starts the run and enqueues through a host without Hangfire servers.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed partial class TwoHostsTests : IAsyncLifetime
{
    private const int Portfolios = 5;
    private const int Days = 10;

    /// <summary>Short invisibility, lock and starter-lease timeouts, so the survivor takes over a dead host's work within seconds.</summary>
    private static readonly Dictionary<string, string> HostSettings = new()
    {
        ["Hangfire__InvisibilityTimeout"] = "00:00:10",
        ["Hangfire__DistributedLockTimeout"] = "00:00:10",
        ["Hangfire__QueuePollInterval"] = "00:00:00.200",
        ["Hangfire__SchedulePollingInterval"] = "00:00:01",
        ["Hangfire__WorkerCount"] = "2",
        ["Batch__TestPnlDelay"] = "00:00:01.500",
        ["Batch__RetryDelaysSeconds__0"] = "0",
        // The kill may also take A's P&L starter mid-enqueue; its lease must expire before B's reconciler restarts it.
        ["Batch__StarterLease"] = "00:00:20",
    };

    private readonly List<HostProcess> _hosts = [];
    private IHost _client = null!;

    public async ValueTask InitializeAsync()
    {
        await BatchTestHost.PrepareDatabaseAsync();
        _client = BatchTestHost.BuildClient();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        _client.Dispose();
    }

    [Fact]
    public async Task Backfill_CommitsEveryItemOnce_WhenTheHostHoldingAProcessingPnlJobIsKilled()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var (from, to, days) = await RangeAsync();
        var a = StartHost("A", HostSettings);
        var b = StartHost("B", HostSettings);
        await a.WaitForServersAsync(TimeSpan.FromSeconds(60));
        await b.WaitForServersAsync(TimeSpan.FromSeconds(60));

        var handle = await WithScopeAsync(s => s.GetRequiredService<RunStarter>().StartAsync(
            new RunRequest(RunKind.Backfill, from, to, RunScope.All, "test", BatchTestHost.DefaultNow), cancellation));
        var (jobId, itemKey) = await WaitForFreshPnlJobOnAsync(a, handle.RunId, TimeSpan.FromSeconds(120));
        await a.KillAsync();
        var sinceKill = Stopwatch.StartNew();

        (await ItemAsync(handle.RunId, itemKey)).Should().Be("Running|1",
            "{0}", $"A held job {jobId} ({itemKey}) mid-attempt, nothing committed{await DiagnosticsAsync()}");
        var (rerunAfter, succeededAfter, run) = await WaitForRunAsync(handle.RunId, itemKey, sinceKill, TimeSpan.FromMinutes(5));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"killed host A (pid {a.Pid}) holding job {jobId} {itemKey}; re-begun on B after {rerunAfter?.TotalSeconds:F1} s, " +
            $"succeeded after {succeededAfter?.TotalSeconds:F1} s; run {run} after {sinceKill.Elapsed.TotalSeconds:F1} s");

        var diagnostics = await DiagnosticsAsync();
        run.Should().Be(nameof(RunStatus.Completed), "{0}", diagnostics);
        (await ItemAsync(handle.RunId, itemKey)).Should().MatchRegex("^Succeeded\\|([2-9]|[1-9][0-9]+)$",
            "{0}", $"the killed job ran on A, then again on B{diagnostics}");
        (await TestDatabase.RowsAsync($"""
            SELECT s.data::jsonb->>'ServerId' FROM hangfire.state s
             WHERE s.jobid = {jobId} AND s.name = 'Processing' ORDER BY s.id
            """)).Should().HaveCountGreaterThanOrEqualTo(2)
            .And.Contain(id => id.Contains($":{a.Pid}:", StringComparison.Ordinal))
            .And.Contain(id => id.Contains($":{b.Pid}:", StringComparison.Ordinal));

        var snapshots = await TestDatabase.RowsAsync(
            "SELECT portfolio_id, snapshot_date, count(*) FROM sigmasight.portfolio_snapshots GROUP BY 1, 2");
        snapshots.Should().HaveCount(Portfolios * days.Count, "{0}", diagnostics)
            .And.OnlyContain(r => r.EndsWith("|1", StringComparison.Ordinal), "each (portfolio, date) is written once");
        (await TestDatabase.RowsAsync("SELECT DISTINCT snapshot_date::text FROM sigmasight.portfolio_snapshots ORDER BY 1"))
            .Should().Equal(days.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        var pnlItems = Portfolios * days.Count;
        (await TestDatabase.RowsAsync($"""
            SELECT p.expected, p.remaining, p.status,
                   (SELECT count(*) FROM sigmasight.batch_items i WHERE i.run_id = p.run_id AND i.phase = p.phase),
                   (SELECT count(*) FROM sigmasight.batch_items i WHERE i.run_id = p.run_id AND i.phase = p.phase
                       AND i.status = 'Succeeded' AND NOT i.late_success AND i.finished_at IS NOT NULL)
              FROM sigmasight.batch_phases p WHERE p.run_id = '{handle.RunId}' AND p.phase = {BatchPhases.Pnl}
            """)).Should().Equal([$"{pnlItems}|0|Completed|{pnlItems}|{pnlItems}"],
            "expected = items = succeeded items, and remaining is 0, not below: no finish was counted twice");
        (await TestDatabase.RowsAsync($"""
            SELECT phase, remaining, status FROM sigmasight.batch_phases WHERE run_id = '{handle.RunId}' AND remaining <> 0
             UNION ALL
            SELECT phase, attempts, item_key || ' ' || status FROM sigmasight.batch_items
             WHERE run_id = '{handle.RunId}' AND status <> 'Succeeded'
            """)).Should().BeEmpty("every phase counted down to exactly 0 and every item Succeeded");

        var (exitCode, output) = await Oracle.RecomputeSnapshotsAsync();
        exitCode.Should().Be(0, output);
        output.Should().Contain($"recompute: {pnlItems} snapshots").And.Contain(" 0 mismatches");
    }

    private HostProcess StartHost(string name, Dictionary<string, string> settings)
    {
        var host = HostProcess.Start(name, settings);
        _hosts.Add(host);
        return host;
    }

    private async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _client.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Seeds the demo; the range is its first <see cref="Days"/> trading days.</summary>
    private Task<(DateOnly From, DateOnly To, List<DateOnly> Days)> RangeAsync() => WithScopeAsync(async s =>
    {
        await s.GetRequiredService<DemoSeeder>().SeedAsync(reset: false, CancellationToken.None);
        var calendar = await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None);
        var from = await s.GetRequiredService<SigmaSightDbContext>().Portfolios.MinAsync(p => p.InceptionDate);
        var to = calendar.AddTradingDays(from, Days - 1);
        return (from, to, calendar.TradingDays(from, to).ToList());
    });

    /// <summary>
    /// A P&amp;L job Processing on <paramref name="host"/>'s work server whose attempt began less than 0.7 s ago:
    /// it is inside its 1.5 s test delay, before its transaction.
    /// </summary>
    private async Task<(long JobId, string ItemKey)> WaitForFreshPnlJobOnAsync(HostProcess host, Guid runId, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            var rows = await TestDatabase.RowsAsync($"""
                SELECT j.id, i.item_key FROM hangfire.job j
                  JOIN hangfire.state s ON s.id = j.stateid
                  JOIN sigmasight.batch_items i ON i.hangfire_job_id = j.id::text
                 WHERE j.statename = 'Processing' AND s.data::jsonb->>'ServerId' LIKE '%:{host.Pid}:work:%'
                   AND i.run_id = '{runId}' AND i.phase = {BatchPhases.Pnl} AND i.status = 'Running' AND i.attempts = 1
                   AND i.started_at > now() - interval '700 milliseconds'
                   -- The P&L starter is done (phase 4's jobs are created when phase 3 completes): this test kills a host
                   -- running P&L jobs; a starter killed mid-enqueue (its lease, Hangfire's half-created continuations) is
                   -- the crash trials' case.
                   AND NOT EXISTS (SELECT 1 FROM sigmasight.batch_items x WHERE x.run_id = i.run_id
                                      AND x.phase = {BatchPhases.Pnl} AND x.hangfire_job_id IS NULL)
                   AND NOT EXISTS (SELECT 1 FROM sigmasight.batch_phases p WHERE p.run_id = i.run_id AND p.enqueue_owner IS NOT NULL)
                 LIMIT 1
                """);
            if (rows.Count == 1)
            {
                var parts = rows[0].Split('|');
                return (long.Parse(parts[0], CultureInfo.InvariantCulture), parts[1]);
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"no P&L job Processing on host {host.Name} within {timeout}{await DiagnosticsAsync()}");
    }
}
