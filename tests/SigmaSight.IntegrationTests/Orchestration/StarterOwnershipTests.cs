using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Repair;
using SigmaSight.Service.MarketData;

namespace SigmaSight.IntegrationTests.Orchestration;

/// <summary>
/// Issue 7, 1d: one starter at a time enqueues a phase's items (an enqueue lease on the phase), the reconciler leaves a
/// phase that just became due and a held lease alone, and a job delivered twice records each finding once.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class StarterOwnershipTests
{
    private static readonly Dictionary<string, string?> SlowStarters = new()
    {
        ["Batch:ChunkSize"] = "5",
        ["Batch:TestStarterDelay"] = "00:00:01.500",
        ["Schedule:RepairGrace"] = "00:02:00",
    };

    private static Task<long> JobsOfAsync(Guid runId, string jobType) => TestDatabase.ScalarAsync<long>($"""
        SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%{jobType}%' AND arguments::text LIKE '%{runId}%'
        """);

    [Fact]
    public async Task TwoStartersOfOnePhase_EnqueueEachItemOnce_AndTheRunCompletes()
    {
        Guid runId;
        await using (var clientOnly = await BatchTestHost.StartAsync(settings: SlowStarters, withServers: false))
        {
            await clientOnly.SeedDemoAsync();
            var day = await clientOnly.WithScopeAsync(async s =>
                (await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None)).AddTradingDays(DemoInception(s), 2));
            runId = (await clientOnly.StartBackfillAsync(day, day)).RunId;

            // The scheduled starter and the reconciler's (or a re-run) at the same moment.
            await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => clientOnly.WithScopeAsync(async s =>
            {
                await s.GetRequiredService<StartPhaseJob>().RunAsync(runId, BatchPhases.MarketData, CancellationToken.None);
                return 0;
            })));

            var items = await TestDatabase.ScalarAsync<long>(
                $"SELECT count(*) FROM sigmasight.batch_items WHERE run_id = '{runId}' AND phase = {BatchPhases.MarketData}");
            items.Should().BeGreaterThan(1, "the demo's symbols in chunks of 5");
            (await JobsOfAsync(runId, nameof(LoadMarketDataJob))).Should().Be(items, "each chunk has exactly one job");
            (await TestDatabase.ScalarAsync<long>(
                    $"SELECT count(*) FROM sigmasight.batch_phases WHERE run_id = '{runId}' AND enqueue_owner IS NOT NULL"))
                .Should().Be(0, "the lease is given back when the starter is done");
        }
        await using var servers = await BatchTestHost.StartAsync(reset: false);
        var run = await servers.WaitAsync(runId);
        run.Status.Should().Be(RunStatus.Completed, run.Summary);
        // A retry keeps its job; a second starter's work would add jobs: one job per item in every phase (per slice of
        // days in phase 3), each recorded on its items.
        var jobs = 0L;
        foreach (var type in new[] { "LoadMarketDataJob", "SymbolAnalyticsJob", "CalculatePnlJob", "PortfolioRiskJob" })
            jobs += await JobsOfAsync(runId, type);
        jobs.Should().Be(await TestDatabase.ScalarAsync<long>(
            $"SELECT count(DISTINCT hangfire_job_id) FROM sigmasight.batch_items WHERE run_id = '{runId}' AND phase < {BatchPhases.Verify}"), "no item was enqueued twice");
        (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.batch_items WHERE run_id = '{runId}' AND hangfire_job_id IS NULL"))
            .Should().Be(0, "every item knows its job");
    }

    [Fact]
    public async Task Reconciler_LeavesAPhaseThatJustBecameDue_AndAHeldLease_ToTheirStarter()
    {
        await using var clientOnly = await BatchTestHost.StartAsync(settings: SlowStarters, withServers: false);
        await clientOnly.SeedDemoAsync();
        var day = await clientOnly.WithScopeAsync(async s =>
            (await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None)).AddTradingDays(DemoInception(s), 2));
        var runId = (await clientOnly.StartBackfillAsync(day, day)).RunId;
        // The reconciler reads the phase between the starter's enqueue and the commit of its id.
        await TestDatabase.ExecuteAsync($"UPDATE sigmasight.batch_phases SET starter_job_id = NULL WHERE run_id = '{runId}'");

        var early = await ReconcileAsync(clientOnly);
        early.Repairs.Should().BeEmpty("the run started less than the grace period ago: {0}", early);

        // A starter that planned the phase and holds the enqueue lease, mid-enqueue (its job id not recorded either).
        await TestDatabase.ExecuteAsync($"""
            UPDATE sigmasight.batch_phases SET status = 'Running', expected = 1, remaining = 1, started_at = now() - interval '1 hour',
                   enqueue_owner = gen_random_uuid(), enqueue_lease_until = now() + interval '1 minute'
             WHERE run_id = '{runId}' AND phase = {BatchPhases.MarketData};
            INSERT INTO sigmasight.batch_items (run_id, phase, item_key, status, attempts, late_success, symbols)
            VALUES ('{runId}', {BatchPhases.MarketData}, '{LedgerItemRef.ChunkKey(0)}', 'Pending', 0, false, ARRAY['AAPL']);
            """);
        await using (var afterGrace = await BatchTestHost.StartAsync(reset: false, withServers: false))
        {
            var held = await ReconcileAsync(afterGrace);
            held.Repairs.Should().BeEmpty("the lease is held: {0}", held);

            await TestDatabase.ExecuteAsync($"UPDATE sigmasight.batch_phases SET enqueue_lease_until = now() - interval '1 second' WHERE run_id = '{runId}'");
            var expired = await ReconcileAsync(afterGrace);
            expired.Repairs.Should().ContainSingle(r => r.Contains("starter enqueued", StringComparison.Ordinal), expired.ToString());
        }
    }

    [Fact]
    public async Task AMarketDataJobDeliveredTwice_RecordsEachFindingOnce()
    {
        var (runId, days, _) = await DemoBackfill.CompletedAsync();
        await TestDatabase.ExecuteAsync($"""
            DELETE FROM sigmasight.data_quality_findings;
            UPDATE sigmasight.batch_items SET symbols = symbols || ARRAY['NOSUCH'], status = 'Running', finished_at = NULL
             WHERE run_id = '{runId}' AND phase = {BatchPhases.MarketData} AND item_key = '{LedgerItemRef.ChunkKey(0)}';
            """);
        await using var clientOnly = await BatchTestHost.StartAsync(reset: false, withServers: false);

        // Both deliveries begin, then wait for the findings table, which the test holds locked.
        await using var blocker = new NpgsqlConnection(TestDatabase.ConnectionString);
        await blocker.OpenAsync(TestContext.Current.CancellationToken);
        await using var hold = await blocker.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE sigmasight.data_quality_findings IN EXCLUSIVE MODE", blocker, hold))
            await lockTable.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        var attempts = $"SELECT attempts FROM sigmasight.batch_items WHERE run_id = '{runId}' AND phase = {BatchPhases.MarketData} AND item_key = '{LedgerItemRef.ChunkKey(0)}'";
        var before = await TestDatabase.ScalarAsync<int>(attempts);
        var deliveries = Enumerable.Range(0, 2).Select(_ => Task.Run(() => clientOnly.WithScopeAsync(async s =>
        {
            await s.GetRequiredService<LoadMarketDataJob>().RunAsync(runId, 0, CancellationToken.None);
            return 0;
        }))).ToList();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await TestDatabase.ScalarAsync<int>(attempts) < before + 2 && waited.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(50, TestContext.Current.CancellationToken);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        await hold.CommitAsync(TestContext.Current.CancellationToken);
        await Task.WhenAll(deliveries);

        // NOSUCH is held by no portfolio and has no close at all: one warning for the run (a per-day `missing` finding
        // is for held symbols); either way each finding is written once, however often the job ran.
        var findings = await TestDatabase.RowsAsync(
            "SELECT kind, symbol, to_char(business_date, 'YYYY-MM-DD'), count(*) FROM sigmasight.data_quality_findings GROUP BY 1, 2, 3 ORDER BY 3");
        findings.Should().NotBeEmpty().And.OnlyContain(r => r.EndsWith("|1", StringComparison.Ordinal), "each finding once, however often the job ran");
        findings.Should().Contain(r => r.Contains("|NOSUCH|", StringComparison.Ordinal));
        days.Should().NotBeEmpty();
    }

    private static DateOnly DemoInception(IServiceProvider services) =>
        services.GetRequiredService<SigmaSight.Service.Persistence.SigmaSightDbContext>().Portfolios.Min(p => p.InceptionDate);

    private static Task<ReconcileReport> ReconcileAsync(BatchTestHost host) =>
        host.WithScopeAsync(s => s.GetRequiredService<Reconciler>().ReconcileAsync(CancellationToken.None));
}
