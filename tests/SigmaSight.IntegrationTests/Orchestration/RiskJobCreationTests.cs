using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.Persistence;

namespace SigmaSight.IntegrationTests.Orchestration;

/// <summary>
/// Issue 10: phase 4's jobs are created when phase 3 completes, on several clients at once: a plain job for a portfolio
/// whose chain succeeded (half a continuation's Hangfire statements), and a continuation of the chain's last P&amp;L job
/// for one that did not, so a failed day still holds its portfolio's risk back until that job is requeued.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class RiskJobCreationTests
{
    private static string RiskJobsOf(Guid runId) => $"""
        SELECT b.portfolio_id::text, j.statename, s.data->>'ParentId', j.createdat
          FROM sigmasight.batch_items b
          JOIN hangfire.job j ON j.id = b.hangfire_job_id::bigint
          JOIN hangfire.state s ON s.id = j.stateid
         WHERE b.run_id = '{runId}' AND b.phase = 4
        """;

    [Fact]
    public async Task ARun_CreatesEachRiskJobOnce_AsAPlainJob_WhenItsChainSucceeded()
    {
        var (runId, _, _) = await DemoBackfill.CompletedAsync(tradingDays: 3);

        // Every risk job is a plain job: it never was Awaiting a parent.
        var late = await TestDatabase.RowsAsync($"""
            SELECT r.item_key FROM sigmasight.batch_items r
              JOIN hangfire.state s ON s.jobid = r.hangfire_job_id::bigint AND s.name = 'Awaiting'
             WHERE r.run_id = '{runId}' AND r.phase = 4
            """);
        late.Should().BeEmpty("a chain that succeeded leaves nothing for its risk job to wait for");
        var (items, jobs) = (await CountAsync($"SELECT count(*) FROM sigmasight.batch_items WHERE run_id = '{runId}' AND phase = 4"),
            await CountAsync($"SELECT count(DISTINCT hangfire_job_id) FROM sigmasight.batch_items WHERE run_id = '{runId}' AND phase = 4"));
        items.Should().BeGreaterThanOrEqualTo(5, "one risk item per demo portfolio at least");
        jobs.Should().Be(items, "each risk item has its own job, created once");
        (await CountAsync($"SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%PortfolioRiskJob%' AND arguments::text LIKE '%{runId}%'"))
            .Should().Be(items, "no risk job was created twice");
    }

    [Fact]
    public async Task PhaseFourStarter_GivesASucceededChainAPlainJob_AndAFailedChainAContinuationOfItsLastJob()
    {
        var (runId, days, failing) = await DemoBackfill.CompletedAsync(tradingDays: 2);
        var lastPnlJob = await TestDatabase.ScalarAsync<string>($"""
            SELECT hangfire_job_id FROM sigmasight.batch_items
             WHERE run_id = '{runId}' AND phase = 3 AND portfolio_id = '{failing}' AND item_date = '{days[^1]:yyyy-MM-dd}'
            """);
        // Phase 4 as its starter finds it when phase 3 completed with one portfolio's last day Failed.
        await TestDatabase.ExecuteAsync($"""
            UPDATE sigmasight.batch_items SET status = 'Failed', error = 'test: failed'
             WHERE run_id = '{runId}' AND phase = 3 AND portfolio_id = '{failing}' AND item_date = '{days[^1]:yyyy-MM-dd}';
            UPDATE sigmasight.batch_items SET status = 'Pending', hangfire_job_id = NULL, finished_at = NULL
             WHERE run_id = '{runId}' AND phase = 4;
            """);
        await using var clientOnly = await BatchTestHost.StartAsync(reset: false, withServers: false);
        using (var connection = clientOnly.Services.GetRequiredService<JobStorage>().GetConnection())
        using (var transaction = connection.CreateWriteTransaction())
        {
            transaction.SetJobState(lastPnlJob, new FailedState(new InvalidOperationException("test: failed")));
            transaction.Commit();
        }

        await clientOnly.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<SigmaSightDbContext>();
            var run = await db.BatchRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
            var lease = await PhaseLease.TryAcquireAsync(db, runId, BatchPhases.PortfolioRisk, TimeSpan.FromMinutes(1), CancellationToken.None);
            lease.Should().NotBeNull();
            await s.GetRequiredService<RiskPlanner>().EnqueueAsync(run, lease!, CancellationToken.None);
            await lease!.ReleaseAsync();
            return 0;
        });

        var jobs = await TestDatabase.RowsAsync(RiskJobsOf(runId));
        jobs.Should().HaveCountGreaterThanOrEqualTo(5, "every risk item got a job");
        jobs.Where(j => j.StartsWith(failing.ToString(), StringComparison.Ordinal)).Should().NotBeEmpty()
            .And.OnlyContain(j => j.Contains($"|Awaiting|{lastPnlJob}|", StringComparison.Ordinal),
                "the failed chain's risk waits for its last P&L job");
        jobs.Where(j => !j.StartsWith(failing.ToString(), StringComparison.Ordinal)).Should().NotBeEmpty()
            .And.OnlyContain(j => j.Contains("|Enqueued||", StringComparison.Ordinal), "a chain that succeeded needs no parent");
    }

    [Fact]
    public async Task PhaseFourStarter_CreatesItsJobsOnThreadsOfTheirOwn_NotOnTheThreadPoolTheJobsRunOn()
    {
        var (runId, _, _) = await DemoBackfill.CompletedAsync(tradingDays: 2);
        await TestDatabase.ExecuteAsync($"""
            UPDATE sigmasight.batch_items SET status = 'Pending', hangfire_job_id = NULL, finished_at = NULL
             WHERE run_id = '{runId}' AND phase = 4
            """);
        var client = (ThreadRecordingClient?)null;
        await using var clientOnly = await BatchTestHost.StartAsync(reset: false, withServers: false, configureServices: services =>
        {
            var hangfire = services.Last(d => d.ServiceType == typeof(IBackgroundJobClient));
            services.Remove(hangfire);
            services.AddSingleton<IBackgroundJobClient>(provider => client = new ThreadRecordingClient(hangfire.ImplementationFactory is { } create
                ? (IBackgroundJobClient)create(provider) : (IBackgroundJobClient)hangfire.ImplementationInstance!));
        });

        await clientOnly.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<SigmaSightDbContext>();
            var run = await db.BatchRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
            var lease = await PhaseLease.TryAcquireAsync(db, runId, BatchPhases.PortfolioRisk, TimeSpan.FromMinutes(1), CancellationToken.None);
            await s.GetRequiredService<RiskPlanner>().EnqueueAsync(run, lease!, CancellationToken.None);
            await lease!.ReleaseAsync();
            return 0;
        });

        var items = await CountAsync($"SELECT count(*) FROM sigmasight.batch_items WHERE run_id = '{runId}' AND phase = 4 AND hangfire_job_id IS NOT NULL");
        client.Should().NotBeNull();
        client!.Creations.Should().HaveCount((int)items, "one creation per risk item, each recorded");
        client.Creations.Should().OnlyContain(onPool => !onPool,
            "a client blocks on its storage round trips; on the thread pool it would hold a thread the batch's async jobs need");
    }

    private static Task<long> CountAsync(string sql) => TestDatabase.ScalarAsync<long>(sql);

    /// <summary>Hangfire's client, noting for each job it creates whether the calling thread is a thread-pool thread.</summary>
    private sealed class ThreadRecordingClient(IBackgroundJobClient inner) : IBackgroundJobClient
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<bool> _creations = new();

        public IReadOnlyCollection<bool> Creations => _creations;

        public string Create(Hangfire.Common.Job job, IState state)
        {
            _creations.Enqueue(Thread.CurrentThread.IsThreadPoolThread);
            return inner.Create(job, state);
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => inner.ChangeState(jobId, state, expectedState);
    }
}
