using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Repair;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Pnl;

namespace SigmaSight.IntegrationTests.Orchestration;

/// <summary>One reconciler pass restores a lost phase starter and a continuation stuck Awaiting after its parent.</summary>
[Collection(SharedDatabase.Name)]
public sealed class ReconcilerTests
{
    [Fact]
    public async Task OnePass_RestoresALostStarter_AndAStuckContinuation()
    {
        List<DateOnly> days;
        Guid stuckRun;
        (Guid P, Guid Q) portfolios;
        await using (var host = await BatchTestHost.StartAsync())
        {
            await host.SeedDemoAsync();
            (days, portfolios) = await host.WithScopeAsync(async s =>
            {
                var calendar = await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None);
                var db = s.GetRequiredService<SigmaSightDbContext>();
                var inception = await db.Portfolios.MinAsync(p => p.InceptionDate);
                var ids = await db.Portfolios.OrderBy(p => p.Name).Select(p => p.Id).ToListAsync();
                return (calendar.TradingDays(inception, calendar.AddTradingDays(inception, 3)).ToList(), (ids[0], ids[1]));
            });
            var run = await host.WaitAsync((await host.StartBackfillAsync(days[0], days[^1])).RunId);
            run.Status.Should().Be(RunStatus.Completed, run.Summary);
            stuckRun = run.Id;
        }

        await using (var clientOnly = await BatchTestHost.StartAsync(reset: false, withServers: false))
        {
            var jobs = clientOnly.Services.GetRequiredService<IBackgroundJobClient>();
            var (p, last) = (portfolios.P, days[^1]);
            var parentJob = await TestDatabase.ScalarAsync<string>(
                $"SELECT hangfire_job_id FROM sigmasight.batch_items WHERE run_id = '{stuckRun}' AND item_key = '{LedgerItemRef.PnlKey(p, days[^2])}'");
            // A continuation Hangfire never released: Awaiting on a parent that already Succeeded, written straight to
            // storage (a normal Create would see the finished parent and enqueue it at once).
            var orphan = jobs.Create(Job.FromExpression<CalculatePnlJob>(j => j.RunAsync(stuckRun, p, last, CancellationToken.None)),
                new ScheduledState(TimeSpan.FromDays(1)));
            using (var connection = clientOnly.Services.GetRequiredService<JobStorage>().GetConnection())
            using (var transaction = connection.CreateWriteTransaction())
            {
                transaction.RemoveFromSet("schedule", orphan);
                transaction.SetJobState(orphan, new AwaitingState(parentJob, new EnqueuedState("c-portfolio")));
                transaction.Commit();
            }
            await TestDatabase.ExecuteAsync($"""
                DELETE FROM sigmasight.position_values WHERE portfolio_id = '{p}' AND value_date = '{last:yyyy-MM-dd}';
                DELETE FROM sigmasight.portfolio_snapshots WHERE portfolio_id = '{p}' AND snapshot_date = '{last:yyyy-MM-dd}';
                UPDATE sigmasight.batch_items SET status = 'Pending', finished_at = NULL, hangfire_job_id = '{orphan}'
                 WHERE run_id = '{stuckRun}' AND item_key = '{LedgerItemRef.PnlKey(p, last)}';
                UPDATE sigmasight.batch_phases SET remaining = 1, status = 'Running', finished_at = NULL WHERE run_id = '{stuckRun}' AND phase = 3;
                UPDATE sigmasight.batch_phases SET expected = 0, remaining = 0, status = 'Pending', starter_job_id = NULL WHERE run_id = '{stuckRun}' AND phase = 5;
                DELETE FROM sigmasight.batch_items WHERE run_id = '{stuckRun}' AND phase = 5;
                UPDATE sigmasight.batch_runs SET status = 'Running', finished_at = NULL, summary = NULL WHERE id = '{stuckRun}';
                """);

            var lost = await clientOnly.StartRecomputeAsync(portfolios.Q, days[1], days[^1]);
            var starter = await TestDatabase.ScalarAsync<string>(
                $"SELECT starter_job_id FROM sigmasight.batch_phases WHERE run_id = '{lost.RunId}' AND phase = 1");
            await TestDatabase.ExecuteAsync($"""
                DELETE FROM hangfire.jobqueue WHERE jobid = {starter};
                DELETE FROM hangfire.state WHERE jobid = {starter};
                DELETE FROM hangfire.jobparameter WHERE jobid = {starter};
                DELETE FROM hangfire.job WHERE id = {starter};
                """);

            var report = await clientOnly.WithScopeAsync(s => s.GetRequiredService<Reconciler>().ReconcileAsync(CancellationToken.None));

            report.Repairs.Should().HaveCount(2, report.ToString());
            report.Repairs.Should().Contain(r => r.Contains("no live starter", StringComparison.Ordinal) && r.Contains(lost.RunId.ToString(), StringComparison.Ordinal));
            report.Repairs.Should().Contain(r => r.Contains("stuck Awaiting", StringComparison.Ordinal) && r.Contains(orphan, StringComparison.Ordinal));
            var again = await clientOnly.WithScopeAsync(s => s.GetRequiredService<Reconciler>().ReconcileAsync(CancellationToken.None));
            again.Total.Should().Be(0, "a second pass finds nothing left to repair: " + again);

            await using var servers = await BatchTestHost.StartAsync(reset: false);
            (await servers.WaitAsync(stuckRun)).Status.Should().Be(RunStatus.Completed);
            (await servers.WaitAsync(lost.RunId)).Status.Should().Be(RunStatus.Completed);
        }
        (await TestDatabase.RowsAsync("SELECT portfolio_id, snapshot_date, count(*) FROM sigmasight.portfolio_snapshots GROUP BY 1, 2"))
            .Should().HaveCount(5 * days.Count).And.OnlyContain(r => r.EndsWith("|1", StringComparison.Ordinal));
        (await Oracle.RecomputeSnapshotsAsync()).ExitCode.Should().Be(0);
    }
}
