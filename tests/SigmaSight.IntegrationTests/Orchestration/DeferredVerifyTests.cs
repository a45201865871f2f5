using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Risk;

namespace SigmaSight.IntegrationTests.Orchestration;

/// <summary>
/// Verify is enqueued when phase 4 completes. If a late success of phase 2 reopens phase 4 before that verify runs,
/// the verify finds an unfinished phase and returns, its item still Pending; when phase 4 completes again the run must
/// be verified then. Before, the verify phase's starter found the item's job recorded and enqueued nothing, and the run
/// stayed Running for good.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class DeferredVerifyTests
{
    [Fact]
    public async Task VerifyDeferredByAReopenedPhase_RunsWhenThatPhaseCompletesAgain()
    {
        await using var host = await BatchTestHost.StartAsync();
        await host.SeedDemoAsync();
        var days = await host.FirstTradingDaysAsync(2);
        var run = await host.WaitAsync((await host.StartBackfillAsync(days[0], days[1])).RunId);
        run.Status.Should().Be(RunStatus.Completed, run.Summary);

        // The moment between phase 4's completion and its verify: the run Running, verify started, its job enqueued.
        await TestDatabase.ExecuteAsync($"""
            UPDATE sigmasight.batch_runs SET status = 'Running', finished_at = NULL WHERE id = '{run.Id}';
            UPDATE sigmasight.batch_phases SET status = 'Running', remaining = 1, finished_at = NULL
             WHERE run_id = '{run.Id}' AND phase = {BatchPhases.Verify};
            UPDATE sigmasight.batch_items SET status = 'Pending', finished_at = NULL WHERE run_id = '{run.Id}' AND phase = {BatchPhases.Verify};
            """);
        // A late success of phase 2 reopens phase 4; then the enqueued verify runs and finds phase 4 unfinished.
        await host.WithScopeAsync(async s =>
        {
            await RiskReopener.ReopenAsync(s.GetRequiredService<SigmaSightDbContext>(), run.Id, CancellationToken.None);
            await ActivatorUtilities.CreateInstance<VerifyRunJob>(s).RunAsync(run.Id, CancellationToken.None);
            return 0;
        });
        (await StatusAsync(run.Id)).Should().Be(RunStatus.Running, "verify waits for the reopened phase");

        await host.WithScopeAsync(async s =>
        {
            await ActivatorUtilities.CreateInstance<PhaseAdvancer>(s).EnqueueStarterAsync(run.Id, BatchPhases.PortfolioRisk, CancellationToken.None);
            return 0;
        });

        var verified = await host.WaitForStatusAsync(run.Id, RunStatus.Completed, timeoutSeconds: 60);
        verified.Status.Should().Be(RunStatus.Completed, "phase 4's second completion verifies the run");
        (await TestDatabase.RowsAsync($"SELECT status FROM sigmasight.batch_items WHERE run_id = '{run.Id}' AND phase = {BatchPhases.Verify}"))
            .Should().Equal("Succeeded");
    }

    private static Task<RunStatus> StatusAsync(Guid runId) => TestDatabase.ScalarAsync<string>(
        $"SELECT status FROM sigmasight.batch_runs WHERE id = '{runId}'").ContinueWith(t => Enum.Parse<RunStatus>(t.Result), TaskScheduler.Default);
}
