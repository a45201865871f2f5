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

/// <summary>
/// Issue 7, 1c: the reconciler decides from the ledger, not from Hangfire's state of the parent: a continuation whose
/// predecessor Succeeded in the ledger while Hangfire forced that job to Failed is released, and an open verify whose
/// job is dead is started again — the run completes instead of staying Running with no error.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class ReconcilerLedgerTruthTests
{
    private static Task<(Guid RunId, List<DateOnly> Days, Guid Portfolio)> CompletedBackfillAsync() => DemoBackfill.CompletedAsync();

    private static Task<int> ReopenVerifyAsync(Guid runId, string? verifyJob) => TestDatabase.ExecuteAsync($"""
        UPDATE sigmasight.batch_phases SET remaining = 1, status = 'Running', finished_at = NULL WHERE run_id = '{runId}' AND phase = 5;
        UPDATE sigmasight.batch_items SET status = 'Pending', finished_at = NULL{(verifyJob is null ? "" : $", hangfire_job_id = '{verifyJob}'")}
         WHERE run_id = '{runId}' AND phase = 5;
        UPDATE sigmasight.batch_runs SET status = 'Running', finished_at = NULL, summary = NULL WHERE id = '{runId}';
        """);

    [Fact]
    public async Task ContinuationOfAParentSucceededInTheLedger_ButForcedToFailedInHangfire_IsReleased()
    {
        var (runId, days, portfolio) = await CompletedBackfillAsync();
        await using (var clientOnly = await BatchTestHost.StartAsync(reset: false, withServers: false))
        {
            var parent = await TestDatabase.ScalarAsync<string>(
                $"SELECT hangfire_job_id FROM sigmasight.batch_items WHERE run_id = '{runId}' AND item_key = '{LedgerItemRef.PnlKey(portfolio, days[^2])}'");
            var last = days[^1];
            var orphan = clientOnly.Services.GetRequiredService<IBackgroundJobClient>().Create(
                Job.FromExpression<CalculatePnlJob>(j => j.RunAsync(runId, portfolio, last, CancellationToken.None)),
                new ScheduledState(TimeSpan.FromDays(1)));
            using (var connection = clientOnly.Services.GetRequiredService<JobStorage>().GetConnection())
            using (var transaction = connection.CreateWriteTransaction())
            {
                transaction.RemoveFromSet("schedule", orphan);
                transaction.SetJobState(orphan, new AwaitingState(parent, new EnqueuedState("c-portfolio")));
                // The parent's ledger item committed Succeeded; Hangfire then forced the job to Failed.
                transaction.SetJobState(parent, new FailedState(new InvalidOperationException("state change retries exhausted")));
                transaction.Commit();
            }
            await TestDatabase.ExecuteAsync($"""
                DELETE FROM sigmasight.position_values WHERE portfolio_id = '{portfolio}' AND value_date = '{last:yyyy-MM-dd}';
                DELETE FROM sigmasight.portfolio_snapshots WHERE portfolio_id = '{portfolio}' AND snapshot_date = '{last:yyyy-MM-dd}';
                UPDATE sigmasight.batch_items SET status = 'Pending', finished_at = NULL, hangfire_job_id = '{orphan}'
                 WHERE run_id = '{runId}' AND item_key = '{LedgerItemRef.PnlKey(portfolio, last)}';
                UPDATE sigmasight.batch_phases SET remaining = 1, status = 'Running', finished_at = NULL WHERE run_id = '{runId}' AND phase = 3;
                UPDATE sigmasight.batch_phases SET expected = 0, remaining = 0, status = 'Pending', starter_job_id = NULL WHERE run_id = '{runId}' AND phase = 5;
                DELETE FROM sigmasight.batch_items WHERE run_id = '{runId}' AND phase = 5;
                UPDATE sigmasight.batch_runs SET status = 'Running', finished_at = NULL, summary = NULL WHERE id = '{runId}';
                """);

            var report = await clientOnly.WithScopeAsync(s => s.GetRequiredService<Reconciler>().ReconcileAsync(CancellationToken.None));

            report.Repairs.Should().ContainSingle(r => r.Contains(orphan, StringComparison.Ordinal), report.ToString());
        }
        await using var servers = await BatchTestHost.StartAsync(reset: false);
        (await servers.WaitAsync(runId)).Status.Should().Be(RunStatus.Completed);
        (await TestDatabase.RowsAsync("SELECT portfolio_id, snapshot_date, count(*) FROM sigmasight.portfolio_snapshots GROUP BY 1, 2"))
            .Should().HaveCount(5 * days.Count).And.OnlyContain(r => r.EndsWith("|1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenVerifyWhoseJobIsDead_IsStartedAgain()
    {
        var (runId, _, _) = await CompletedBackfillAsync();
        string verify;
        await using (var clientOnly = await BatchTestHost.StartAsync(reset: false, withServers: false))
        {
            verify = await TestDatabase.ScalarAsync<string>($"SELECT hangfire_job_id FROM sigmasight.batch_items WHERE run_id = '{runId}' AND phase = 5");
            using (var connection = clientOnly.Services.GetRequiredService<JobStorage>().GetConnection())
            using (var transaction = connection.CreateWriteTransaction())
            {
                transaction.SetJobState(verify, new DeletedState());
                transaction.Commit();
            }
            await ReopenVerifyAsync(runId, verify);

            var report = await clientOnly.WithScopeAsync(s => s.GetRequiredService<Reconciler>().ReconcileAsync(CancellationToken.None));

            report.Repairs.Should().ContainSingle(r => r.Contains($"verify job {verify} is Deleted", StringComparison.Ordinal), report.ToString());
        }
        await using var servers = await BatchTestHost.StartAsync(reset: false);
        (await servers.WaitAsync(runId)).Status.Should().Be(RunStatus.Completed);
        (await TestDatabase.ScalarAsync<string>($"SELECT hangfire_job_id FROM sigmasight.batch_items WHERE run_id = '{runId}' AND phase = 5"))
            .Should().NotBe(verify, "the item now points at the new verify job");
    }
}
