using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Portfolios;

namespace SigmaSight.IntegrationTests.Batches;

/// <summary>
/// Issue 7, 1g: the ledger failure filter fails nothing healthy when an operator deletes a Succeeded job, names a
/// continuation Hangfire deletes with its parent as such (and leaves it Blocked), and shows a requeued item's latest error.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class FailureFilterTests
{
    private const string HedgeFund = "Demo Hedge Fund Style Investor Portfolio";

    private static async Task<List<DateOnly>> DemoDaysAsync(BatchTestHost host)
    {
        await host.SeedDemoAsync();
        return await host.WithScopeAsync(async s =>
        {
            var calendar = await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None);
            var inception = await s.GetRequiredService<SigmaSightDbContext>().Portfolios.MinAsync(p => p.InceptionDate);
            return calendar.TradingDays(inception, BusinessDate.Resolve(host.Now, calendar)).ToList();
        });
    }

    [Fact]
    public async Task DeletingASucceededStarter_WhileTheRunGoesOn_DoesNotFailTheRun()
    {
        await using var host = await BatchTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Batch:TestPnlDelay"] = "00:00:01" });
        var days = await DemoDaysAsync(host);
        var handle = await host.StartBackfillAsync(days[0], days[3]);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.batch_items WHERE run_id = '{handle.RunId}' AND phase = 3 AND status = 'Running'") == 0
               && waited.Elapsed < TimeSpan.FromSeconds(90))
            await Task.Delay(100, TestContext.Current.CancellationToken);
        var starter = await TestDatabase.ScalarAsync<string>($"SELECT starter_job_id FROM sigmasight.batch_phases WHERE run_id = '{handle.RunId}' AND phase = 1");

        host.Services.GetRequiredService<IBackgroundJobClient>().Delete(starter).Should().BeTrue();
        var run = await host.WaitAsync(handle.RunId);

        run.Status.Should().Be(RunStatus.Completed, run.Summary);
    }

    [Fact]
    public async Task RequeuedItemThatFailsAgain_ShowsItsNewError_AndAContinuationDeletedWithItsParent_StaysBlocked()
    {
        await using var host = await BatchTestHost.StartAsync();
        var days = await DemoDaysAsync(host);
        var (portfolio, lot) = await host.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<SigmaSightDbContext>();
            var p = await db.Portfolios.SingleAsync(x => x.Name == HedgeFund);
            var position = new Position
            {
                Id = Guid.NewGuid(), PortfolioId = p.Id, Symbol = "ZZZZ", PositionType = "LONG", InvestmentClass = "PUBLIC",
                Quantity = 100, EntryPrice = 10m, EntryDate = p.InceptionDate,
            };
            db.Positions.Add(position);
            await db.SaveChangesAsync();
            return (p.Id, position.Id);
        });
        var run = await host.WaitAsync((await host.StartBackfillAsync(days[0], days[3])).RunId);
        run.Status.Should().Be(RunStatus.CompletedWithErrors);
        string Item(DateOnly d) => $"SELECT status || ' | ' || error FROM sigmasight.batch_items WHERE run_id = '{run.Id}' AND item_key = '{LedgerItemRef.PnlKey(portfolio, d)}'";
        (await TestDatabase.ScalarAsync<string>(Item(days[0]))).Should().Contain("missing price for ZZZZ");
        var failedJob = await TestDatabase.ScalarAsync<string>(
            $"SELECT hangfire_job_id FROM sigmasight.batch_items WHERE run_id = '{run.Id}' AND item_key = '{LedgerItemRef.PnlKey(portfolio, days[0])}'");

        // The operator "fixes" the wrong thing: the lot now fails validation instead, and the item must say so.
        await TestDatabase.ExecuteAsync($"UPDATE sigmasight.positions SET entry_date = '{days[0].AddDays(-30):yyyy-MM-dd}' WHERE id = '{lot}'");
        var jobs = host.Services.GetRequiredService<IBackgroundJobClient>();
        jobs.Requeue(failedJob).Should().BeTrue();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!(await TestDatabase.ScalarAsync<string>(Item(days[0]))).Contains("before inception", StringComparison.Ordinal)
               && waited.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(200, TestContext.Current.CancellationToken);
        (await TestDatabase.ScalarAsync<string>(Item(days[0]))).Should().StartWith("Failed | ").And.Contain("before inception");

        jobs.Delete(failedJob).Should().BeTrue();
        await Task.Delay(2000, TestContext.Current.CancellationToken);

        (await TestDatabase.ScalarAsync<string>(Item(days[1])))
            .Should().StartWith("Blocked | blocked:", "a continuation Hangfire deleted with its parent never ran: it stays Blocked");
        var continuation = await TestDatabase.ScalarAsync<string>(
            $"SELECT hangfire_job_id FROM sigmasight.batch_items WHERE run_id = '{run.Id}' AND item_key = '{LedgerItemRef.PnlKey(portfolio, days[1])}'");
        (await TestDatabase.ScalarAsync<string>($"SELECT statename FROM hangfire.job WHERE id = {continuation}")).Should().Be("Deleted");
    }
}
