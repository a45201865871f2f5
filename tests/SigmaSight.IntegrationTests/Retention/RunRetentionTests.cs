using System.Globalization;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Diff;
using SigmaSight.Service.Batches.Repair;
using SigmaSight.Service.Batches.Retention;
using SigmaSight.Service.Cli;
using SigmaSight.Service.Persistence;

namespace SigmaSight.IntegrationTests.Retention;

/// <summary>
/// Retention of old runs (issue 9, point 6): a run finished more than <c>Retention:KeepDays</c> ago loses its items,
/// phases and findings but keeps its row; snapshots archived as long ago go; the Hangfire jobs it left Failed are
/// deleted; newer runs keep everything and can still be compared; a dry run changes nothing; a second pass finds nothing.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class RunRetentionTests
{
    [Fact]
    public async Task Prune_RemovesTheDetailOfRunsOlderThanTheWindowOnly_KeepsTheirRows_AndDeletesTheirLeftoverJobs()
    {
        await using var host = await BatchTestHost.StartAsync();
        await host.SeedDemoAsync();
        var days = await host.FirstTradingDaysAsync(3);
        var portfolio = await host.WithScopeAsync(s => s.GetRequiredService<SigmaSightDbContext>().Portfolios.OrderBy(p => p.Name).Select(p => p.Id).FirstAsync());
        var old = (await host.WaitAsync((await host.StartBackfillAsync(days[0], days[2])).RunId)).Id;
        var middle = (await host.WaitAsync((await host.StartRecomputeAsync(portfolio, days[1], days[2])).RunId)).Id;
        var recent = (await host.WaitAsync((await host.StartRecomputeAsync(portfolio, days[2], days[2])).RunId)).Id;
        // A job the old run left Failed (the reconciler's job never retries, so the state sticks as given).
        var failedJob = host.Services.GetRequiredService<IBackgroundJobClient>().Create(
            Job.FromExpression<ReconcileJob>(j => j.RunAsync(CancellationToken.None)), new FailedState(new InvalidOperationException("left by the old run")));
        await TestDatabase.ExecuteAsync($"""
            UPDATE sigmasight.batch_items SET hangfire_job_id = '{failedJob}'
             WHERE (run_id, phase, item_key) = (SELECT run_id, phase, item_key FROM sigmasight.batch_items WHERE run_id = '{old}' ORDER BY phase, item_key LIMIT 1)
            """);
        // The old run finished 100 days ago; the rows the middle run archived (the old run's figures) were archived then too.
        await TestDatabase.ExecuteAsync($"UPDATE sigmasight.batch_runs SET finished_at = finished_at - interval '100 days' WHERE id = '{old}'");
        await TestDatabase.ExecuteAsync($"UPDATE sigmasight.snapshot_archive SET archived_at = archived_at - interval '100 days' WHERE replaced_by_run = '{middle}'");
        var before = await CountsAsync(old);
        var oldArchived = await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.snapshot_archive WHERE replaced_by_run = '{middle}'");
        var keptArchived = await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.snapshot_archive WHERE replaced_by_run = '{recent}'");
        var keptDetail = await CountsAsync(middle);
        before.Items.Should().BeGreaterThan(0);
        (oldArchived, keptArchived).Should().Be((2, 1), "the first recompute replaced the old run's days 1 and 2, the second its own day 2");
        (await TestDatabase.ScalarAsync<string>($"SELECT statename FROM hangfire.job WHERE id = {failedJob}")).Should().Be("Failed");

        var dry = await PruneAsync(host, dryRun: true);

        (dry.Runs, dry.Items, dry.Phases, dry.ArchivedSnapshots).Should().Be((1, (int)before.Items, (int)before.Phases, 2));
        dry.LeftoverJobs.Should().Equal(failedJob);
        (await CountsAsync(old)).Should().Be(before, "a dry run changes nothing");

        var pruned = await PruneAsync(host, dryRun: false);

        (pruned.Runs, pruned.Items, pruned.Phases, pruned.Findings, pruned.ArchivedSnapshots)
            .Should().Be((1, (int)before.Items, (int)before.Phases, (int)before.Findings, 2));
        (await CountsAsync(old)).Should().Be(new Counts(0, 0, 0));
        (await CountsAsync(middle)).Should().Be(keptDetail, "a run inside the window keeps its detail");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.snapshot_archive")).Should().Be(keptArchived);
        var oldRun = await host.WithScopeAsync(s => s.GetRequiredService<SigmaSightDbContext>().BatchRuns.AsNoTracking().SingleAsync(r => r.Id == old));
        oldRun.Status.Should().Be(RunStatus.Completed, "the run's row, its status and summary stay");
        oldRun.DetailPrunedAt.Should().Be(host.Now);
        (await TestDatabase.ScalarAsync<string>($"SELECT statename FROM hangfire.job WHERE id = {failedJob}")).Should().Be("Deleted");

        var refused = async () => await host.WithScopeAsync(s => s.GetRequiredService<RunDiffer>().CompareAsync(old, middle, CancellationToken.None));
        (await refused.Should().ThrowAsync<UsageException>()).Which.Message.Should().Contain("retention pruned").And.Contain("Retention:KeepDays");
        (await host.WithScopeAsync(s => s.GetRequiredService<RunDiffer>().CompareAsync(middle, recent, CancellationToken.None)))
            .Compared.Should().Be(1, "the runs inside the window still compare (day 2 of the portfolio), from the archive row retention kept");
        using var status = new StringWriter(CultureInfo.InvariantCulture);
        await host.WithScopeAsync(async s =>
        {
            await StatusPrinter.PrintRunAsync(s.GetRequiredService<SigmaSightDbContext>(), old, status, CancellationToken.None);
            return 0;
        });
        status.ToString().Should().Contain("status Completed").And.Contain($"retention pruned this run's items, phases and findings on {host.Now:yyyy-MM-dd}");

        var rerun = await host.StartBackfillAsync(days[0], days[2]);
        rerun.Joined.Should().BeFalse("a pruned run cannot show what it verified, so the same request checks the data again");
        (await host.WaitAsync(rerun.RunId)).Status.Should().Be(RunStatus.Completed);

        var again = await PruneAsync(host, dryRun: false);
        (again.Runs, again.Items, again.ArchivedSnapshots, again.LeftoverJobs.Count).Should().Be((0, 0, 0, 0), "a second pass finds nothing");
    }

    private static Task<PruneResult> PruneAsync(BatchTestHost host, bool dryRun) =>
        host.WithScopeAsync(s => s.GetRequiredService<RunPruner>().PruneAsync(dryRun, CancellationToken.None));

    private static async Task<Counts> CountsAsync(Guid run) => new(
        await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.batch_items WHERE run_id = '{run}'"),
        await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.batch_phases WHERE run_id = '{run}'"),
        await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.data_quality_findings WHERE run_id = '{run}'"));

    private sealed record Counts(long Items, long Phases, long Findings);
}
