using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Repair;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Pnl;
using SigmaSight.Service.Risk;

namespace SigmaSight.IntegrationTests.Orchestration;

/// <summary>
/// Issue 7, 1e: after a run has finished with errors, a late success whose verify was lost to a crash, and a Blocked
/// continuation whose predecessor has since succeeded, are picked up by the reconciler: the run ends Completed
/// instead of staying CompletedWithErrors for ever.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class StrandedWorkTests
{
    [Fact]
    public async Task ALateSuccessWhoseVerifyWasLost_IsVerifiedByTheReconciler()
    {
        var (runId, days, portfolio) = await DemoBackfill.CompletedAsync();
        var last = LedgerItemRef.Pnl(runId, portfolio, days[^1]);
        // The run as verify left it when that item had failed.
        await TestDatabase.ExecuteAsync($"""
            UPDATE sigmasight.batch_items SET status = 'Failed', error = 'boom' WHERE run_id = '{runId}' AND item_key = '{last.ItemKey}';
            UPDATE sigmasight.batch_phases SET status = 'CompletedWithErrors' WHERE run_id = '{runId}' AND phase = {BatchPhases.Pnl};
            UPDATE sigmasight.batch_runs SET status = 'CompletedWithErrors', summary = 'failed: {last.ItemKey}' WHERE id = '{runId}';
            """);
        await using var clientOnly = await BatchTestHost.StartAsync(reset: false, withServers: false);
        // A requeued job succeeds: the ledger commits the late success, then the host dies before it enqueues verify.
        await clientOnly.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<SigmaSightDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var outcome = await s.GetRequiredService<BatchLedger>().FinishItemAsync(last, ItemStatus.Succeeded, null, CancellationToken.None);
            await transaction.CommitAsync();
            return outcome;
        });

        var report = await clientOnly.WithScopeAsync(s => s.GetRequiredService<Reconciler>().ReconcileAsync(CancellationToken.None));

        report.Repairs.Should().ContainSingle(r => r.Contains("asked for a verify", StringComparison.Ordinal), report.ToString());
        await using var servers = await BatchTestHost.StartAsync(reset: false);
        var run = await servers.WaitForStatusAsync(runId, RunStatus.Completed);
        run.Status.Should().Be(RunStatus.Completed, run.Summary);
        (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.batch_phases WHERE verify_requested_at IS NOT NULL"))
            .Should().Be(0, "the verify answered the request");
    }

    [Fact]
    public async Task ABlockedChainWhosePredecessorSucceededLate_IsReleased_AndTheRunHeals()
    {
        var (runId, days, portfolio) = await DemoBackfill.CompletedAsync();
        var (failedDay, riskDay) = (days[1], days[^1]);
        string failedJob;
        await using (var clientOnly = await BatchTestHost.StartAsync(reset: false, withServers: false))
        {
            // The chain as a failure left it: day 2's job Failed (in Hangfire), days 3.. and the risk item Blocked, their
            // jobs Awaiting their predecessor.
            var client = clientOnly.Services.GetRequiredService<IBackgroundJobClient>();
            failedJob = client.Create(Job.FromExpression<CalculatePnlJob>(j => j.RunAsync(runId, portfolio, failedDay, CancellationToken.None)),
                new FailedState(new InvalidOperationException("boom")));
            var parent = failedJob;
            var sql = new System.Text.StringBuilder($"""
                DELETE FROM sigmasight.analytic_results WHERE portfolio_id = '{portfolio}';
                DELETE FROM sigmasight.position_values WHERE portfolio_id = '{portfolio}' AND value_date >= '{failedDay:yyyy-MM-dd}';
                DELETE FROM sigmasight.portfolio_snapshots WHERE portfolio_id = '{portfolio}' AND snapshot_date >= '{failedDay:yyyy-MM-dd}';
                UPDATE sigmasight.portfolios SET equity_balance = (SELECT equity_balance FROM sigmasight.portfolio_snapshots
                    WHERE portfolio_id = '{portfolio}' ORDER BY snapshot_date DESC LIMIT 1) WHERE id = '{portfolio}';
                UPDATE sigmasight.batch_items SET status = 'Failed', error = 'boom', hangfire_job_id = '{failedJob}'
                 WHERE run_id = '{runId}' AND item_key = '{LedgerItemRef.PnlKey(portfolio, failedDay)}';
                """);
            foreach (var day in days.Where(d => d > failedDay))
            {
                parent = client.Create(Job.FromExpression<CalculatePnlJob>(j => j.RunAsync(runId, portfolio, day, CancellationToken.None)),
                    new AwaitingState(parent, new EnqueuedState("c-portfolio")));
                sql.Append($"""
                    UPDATE sigmasight.batch_items SET status = 'Blocked', error = 'blocked', attempts = 0, hangfire_job_id = '{parent}'
                     WHERE run_id = '{runId}' AND item_key = '{LedgerItemRef.PnlKey(portfolio, day)}';
                    """);
            }
            var risk = client.Create(Job.FromExpression<PortfolioRiskJob>(j => j.RunAsync(runId, portfolio, riskDay, CancellationToken.None)),
                new AwaitingState(parent, new EnqueuedState("d-analytics")));
            sql.Append($"""
                UPDATE sigmasight.batch_items SET status = 'Blocked', error = 'blocked', attempts = 0, hangfire_job_id = '{risk}'
                 WHERE run_id = '{runId}' AND item_key = '{LedgerItemRef.RiskKey(portfolio, riskDay)}';
                UPDATE sigmasight.batch_phases SET status = 'CompletedWithErrors' WHERE run_id = '{runId}' AND phase IN ({BatchPhases.Pnl}, {BatchPhases.PortfolioRisk});
                UPDATE sigmasight.batch_runs SET status = 'CompletedWithErrors', summary = 'failed' WHERE id = '{runId}';
                """);
            await TestDatabase.ExecuteAsync(sql.ToString());

            // The failed day succeeds when run again, but Hangfire's state change of its job is lost (it stays Failed),
            // so Hangfire never releases the next day.
            await clientOnly.WithScopeAsync(async s =>
            {
                await s.GetRequiredService<CalculatePnlJob>().RunAsync(runId, portfolio, failedDay, CancellationToken.None);
                return 0;
            });

            var report = await clientOnly.WithScopeAsync(s => s.GetRequiredService<Reconciler>().ReconcileAsync(CancellationToken.None));

            report.Repairs.Should().ContainSingle(r => r.Contains(LedgerItemRef.PnlKey(portfolio, days[2]), StringComparison.Ordinal)
                && r.Contains("predecessor has succeeded", StringComparison.Ordinal), report.ToString());
        }
        await using var servers = await BatchTestHost.StartAsync(reset: false);
        var run = await servers.WaitForStatusAsync(runId, RunStatus.Completed);
        run.Status.Should().Be(RunStatus.Completed, run.Summary);
        (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.portfolio_snapshots WHERE portfolio_id = '{portfolio}'"))
            .Should().Be(days.Count, "every day of the chain is written again");
        (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.batch_items WHERE run_id = '{runId}' AND status <> 'Succeeded'"))
            .Should().Be(0);
    }
}
