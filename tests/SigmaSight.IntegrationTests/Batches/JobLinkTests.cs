using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Pnl;
using SigmaSight.Service.Risk;

namespace SigmaSight.IntegrationTests.Batches;

/// <summary>
/// A job that starts before its planner recorded its id (a starter that died between enqueue and record) links its
/// ledger item itself when it begins, so a restarted starter keeps that job instead of enqueuing the item again.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class JobLinkTests : IAsyncLifetime
{
    private BatchTestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await BatchTestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task UnrecordedJob_LinksItsItemWhenItBegins_PendingOrAlreadySucceeded()
    {
        await _host.SeedDemoAsync();
        var day = await _host.WithScopeAsync(async s =>
        {
            var calendar = await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None);
            return calendar.AddTradingDays(await s.GetRequiredService<SigmaSightDbContext>().Portfolios.MinAsync(p => p.InceptionDate), 1);
        });
        var run = await _host.WaitAsync((await _host.StartBackfillAsync(day, day)).RunId);
        run.Status.Should().Be(RunStatus.Completed, run.Summary);
        var items = await _host.WithScopeAsync(s => s.GetRequiredService<SigmaSightDbContext>().BatchItems.AsNoTracking()
            .Where(i => i.RunId == run.Id && (i.Phase == BatchPhases.Pnl || i.Phase == BatchPhases.PortfolioRisk) && i.ItemDate == day)
            .OrderBy(i => i.ItemKey).ToListAsync());
        var risk = items.First(i => i.Phase == BatchPhases.PortfolioRisk);
        var pnl = items.First(i => i.Phase == BatchPhases.Pnl);

        // The risk item as a planner leaves it before recording its job: Pending, no job id, counted in its phase.
        await TestDatabase.ExecuteAsync($"""
            UPDATE sigmasight.batch_items SET status = 'Pending', hangfire_job_id = NULL, finished_at = NULL
             WHERE run_id = '{run.Id}' AND phase = {BatchPhases.PortfolioRisk} AND item_key = '{risk.ItemKey}';
            UPDATE sigmasight.batch_phases SET remaining = 1, status = 'Running', finished_at = NULL
             WHERE run_id = '{run.Id}' AND phase = {BatchPhases.PortfolioRisk};
            UPDATE sigmasight.batch_items SET hangfire_job_id = NULL
             WHERE run_id = '{run.Id}' AND phase = {BatchPhases.Pnl} AND item_key = '{pnl.ItemKey}';
            """);
        var jobs = _host.Services.GetRequiredService<IBackgroundJobClient>();
        var riskJob = jobs.Enqueue<PortfolioRiskJob>(JobQueues.Analytics,
            j => j.RunAsync(run.Id, risk.PortfolioId!.Value, day, CancellationToken.None));
        // A duplicate of a Succeeded item does nothing, but is still linked when its item has no job.
        var pnlJob = jobs.Enqueue<CalculatePnlJob>(JobQueues.Portfolio,
            j => j.RunAsync(run.Id, pnl.PortfolioId!.Value, day, CancellationToken.None));

        var storage = _host.Services.GetRequiredService<JobStorage>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60)
               && !(FailureRepairTests.StateOf(storage, riskJob) == "Succeeded" && FailureRepairTests.StateOf(storage, pnlJob) == "Succeeded"))
            await Task.Delay(200, TestContext.Current.CancellationToken);
        FailureRepairTests.StateOf(storage, riskJob).Should().Be("Succeeded");
        FailureRepairTests.StateOf(storage, pnlJob).Should().Be("Succeeded");

        var after = await TestDatabase.RowsAsync($"""
            SELECT item_key, status, hangfire_job_id FROM sigmasight.batch_items
             WHERE run_id = '{run.Id}' AND item_key IN ('{risk.ItemKey}', '{pnl.ItemKey}') ORDER BY phase
            """);
        after.Should().Equal($"{pnl.ItemKey}|Succeeded|{pnlJob}", $"{risk.ItemKey}|Succeeded|{riskJob}");
        (await TestDatabase.RowsAsync($"SELECT remaining, status FROM sigmasight.batch_phases WHERE run_id = '{run.Id}' AND phase = {BatchPhases.PortfolioRisk}"))
            .Should().Equal("0|Completed");
    }
}
