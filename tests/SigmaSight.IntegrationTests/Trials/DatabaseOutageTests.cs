using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SigmaSight.IntegrationTests.Api;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.IntegrationTests.ScaleOut;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.Batches.Repair;
using SigmaSight.Service.Cli;

namespace SigmaSight.IntegrationTests.Trials;

/// <summary>
/// Issue 7, point 3: the PostgreSQL cluster under a running backfill is stopped for 20 s in the middle of phase 3 and
/// started again. The host process reconnects by itself, the run completes with every snapshot once and equity the
/// oracle recomputes, no item is left Running, and the retries it spent stay within the policy (reported).
/// </summary>
[Collection(SharedDatabase.Name)]
[Trait("Category", "Trials")]
public sealed class DatabaseOutageTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ATwentySecondOutageInPhase3_IsSurvived_WithBoundedRetries()
    {
        await using var cluster = await ThrowawayCluster.StartAsync();
        var environment = new Dictionary<string, string> { ["SIGMASIGHT_DB"] = cluster.ConnectionString };
        foreach (var verb in new[] { "migrate", "seed-demo" })
        {
            var (code, output) = await ServiceProcess.RunAsync(environment, verb);
            code.Should().Be(0, output);
        }
        await using var host = HostProcess.Start("A", new Dictionary<string, string>(environment)
        {
            ["Hangfire__InvisibilityTimeout"] = "00:00:10",
            ["Hangfire__QueuePollInterval"] = "00:00:00.200",
            ["Hangfire__WorkerCount"] = "3",
            ["Batch__TestPnlDelay"] = "00:00:00.300",
            ["Batch__RetryDelaysSeconds__0"] = "2",
            ["Batch__RetryDelaysSeconds__1"] = "5",
            ["Batch__RetryDelaysSeconds__2"] = "10",
            ["Schedule__Enabled"] = "false",
        });
        await host.WaitForServersAsync(TimeSpan.FromSeconds(60), cluster.ConnectionString);
        using var client = CliHost.Build(withServers: false, new Dictionary<string, string?>
        {
            ["SIGMASIGHT_DB"] = cluster.ConnectionString,
            ["Schedule:Enabled"] = "false",
            ["Schedule:StuckAwaitingAfter"] = "00:00:30",
            ["Schedule:RepairGrace"] = "00:00:00",
        });
        var (from, to) = await RangeAsync(cluster.ConnectionString);
        var runId = await WithScopeAsync(client, async s => (await s.GetRequiredService<RunStarter>().StartAsync(
            new RunRequest(RunKind.Backfill, from, to, RunScope.All, "outage-trial", BatchTestHost.DefaultNow), CancellationToken.None)).RunId);

        // The middle of phase 3: some P&L days written, most still to go.
        var waited = Stopwatch.StartNew();
        while (await ScalarAsync(cluster.ConnectionString, $"""
                   SELECT count(*) FROM sigmasight.batch_items WHERE run_id = '{runId}' AND phase = {BatchPhases.Pnl} AND status = 'Succeeded'
                   """) < 5)
        {
            waited.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(3), host.Output);
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        var before = await ScalarAsync(cluster.ConnectionString,
            $"SELECT count(*) FROM sigmasight.batch_items WHERE run_id = '{runId}' AND phase = {BatchPhases.Pnl} AND status <> 'Succeeded'");
        await cluster.StopAsync();
        await Task.Delay(Outage, TestContext.Current.CancellationToken);
        await cluster.StartAgainAsync();
        var sinceRestart = Stopwatch.StartNew();

        string status;
        var repairs = new List<string>();
        while (true)
        {
            try
            {
                var report = await WithScopeAsync(client, s => s.GetRequiredService<Reconciler>().ReconcileAsync(CancellationToken.None));
                repairs.AddRange(report.Repairs);
                status = (await RowsAsync(cluster.ConnectionString, $"SELECT status FROM sigmasight.batch_runs WHERE id = '{runId}'")).Single();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The client's pooled connections died with the server: a pass fails like the recurring reconciler's would.
                NpgsqlConnection.ClearAllPools();
                status = "unreachable";
            }
            if (status is not (nameof(RunStatus.Running) or "unreachable") || sinceRestart.Elapsed > TimeSpan.FromMinutes(4)) break;
            await Task.Delay(2000, TestContext.Current.CancellationToken);
        }
        var items = await RowsAsync(cluster.ConnectionString, $"""
            SELECT count(*), sum(attempts) - count(*), max(attempts), count(*) FILTER (WHERE status = 'Running')
              FROM sigmasight.batch_items WHERE run_id = '{runId}'
            """);
        var attempts = items.Single().Split('|');
        await TrialLog.WriteAsync("outage", $"PostgreSQL stopped {Outage.TotalSeconds:F0} s with {before} P&L items to go; run {status} " +
            $"{sinceRestart.Elapsed.TotalSeconds:F1} s after the restart; {attempts[0]} items, {attempts[1]} extra attempts (max {attempts[2]} " +
            $"per item, policy: 1 + 3 retries), {attempts[3]} left Running; {repairs.Count} reconciler repairs" +
            (repairs.Count == 0 ? "" : $" ({string.Join("; ", repairs)})"));

        status.Should().Be(nameof(RunStatus.Completed), host.Output);
        attempts[3].Should().Be("0", "no item is left Running");
        int.Parse(attempts[2], System.Globalization.CultureInfo.InvariantCulture).Should().BeLessThanOrEqualTo(4, "1 attempt + 3 retries at most");
        (await RowsAsync(cluster.ConnectionString, "SELECT portfolio_id, snapshot_date, count(*) FROM sigmasight.portfolio_snapshots GROUP BY 1, 2 HAVING count(*) <> 1"))
            .Should().BeEmpty("each (portfolio, day) is written once");
        var (exitCode, oracle) = await Oracle.RecomputeSnapshotsAsync("--dsn", cluster.ConnectionString);
        exitCode.Should().Be(0, oracle);
        oracle.Should().Contain(" 0 mismatches");
    }

    private static async Task<(DateOnly From, DateOnly To)> RangeAsync(string connectionString)
    {
        var from = DateOnly.Parse((await RowsAsync(connectionString, "SELECT min(inception_date)::text FROM sigmasight.portfolios")).Single(),
            System.Globalization.CultureInfo.InvariantCulture);
        var calendar = new SigmaSight.Analytics.Calendar.NyseCalendar();
        return (from, calendar.AddTradingDays(from, 11));
    }

    private static async Task<T> WithScopeAsync<T>(IHost host, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql) =>
        long.Parse((await RowsAsync(connectionString, sql)).Single(), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<List<string>> RowsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
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
