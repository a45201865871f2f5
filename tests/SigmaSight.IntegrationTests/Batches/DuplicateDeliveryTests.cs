using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Pnl;

namespace SigmaSight.IntegrationTests.Batches;

/// <summary>At-least-once delivery: a finished item's job run again changes nothing.</summary>
[Collection(SharedDatabase.Name)]
public sealed class DuplicateDeliveryTests : IAsyncLifetime
{
    private BatchTestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await BatchTestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task FinishedItem_DeliveredTwice_DecrementsNothing()
    {
        await _host.SeedDemoAsync();
        var (inception, last) = await _host.WithScopeAsync(async s =>
        {
            var calendar = await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None);
            var first = await s.GetRequiredService<SigmaSightDbContext>().Portfolios.MinAsync(p => p.InceptionDate);
            return (first, calendar.AddTradingDays(first, 5));
        });
        var run = await _host.WaitAsync((await _host.StartBackfillAsync(inception, last)).RunId);
        run.Status.Should().Be(RunStatus.Completed, run.Summary);
        var item = await _host.WithScopeAsync(s => s.GetRequiredService<SigmaSightDbContext>().BatchItems.AsNoTracking()
            .Where(i => i.RunId == run.Id && i.Phase == BatchPhases.Pnl).OrderBy(i => i.ItemDate).Skip(2).FirstAsync());
        var ledgerBefore = await LedgerAsync(run.Id);

        // Through Hangfire, as a redelivery or a dashboard requeue of a Succeeded job would.
        var storage = _host.Services.GetRequiredService<JobStorage>();
        var historyBefore = storage.GetMonitoringApi().JobDetails(item.HangfireJobId).History.Count;
        _host.Services.GetRequiredService<IBackgroundJobClient>().Requeue(item.HangfireJobId!).Should().BeTrue();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60) && !(storage.GetMonitoringApi().JobDetails(item.HangfireJobId).History.Count > historyBefore + 1
                   && FailureRepairTests.StateOf(storage, item.HangfireJobId!) == "Succeeded"))
            await Task.Delay(200, TestContext.Current.CancellationToken);
        FailureRepairTests.StateOf(storage, item.HangfireJobId!).Should().Be("Succeeded");

        // And directly: the job method and the ledger's finish, twice more.
        await _host.WithScopeAsync(async s =>
        {
            await s.GetRequiredService<CalculatePnlJob>().RunAsync(run.Id, item.PortfolioId!.Value, item.ItemDate!.Value, CancellationToken.None);
            var db = s.GetRequiredService<SigmaSightDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var reference = LedgerItemRef.Pnl(run.Id, item.PortfolioId!.Value, item.ItemDate!.Value);
            var ledger = s.GetRequiredService<BatchLedger>();
            (await ledger.FinishItemAsync(reference, ItemStatus.Succeeded, null, CancellationToken.None)).Should().Be(FinishOutcome.AlreadyFinished);
            (await ledger.FinishItemAsync(reference, ItemStatus.Failed, "late", CancellationToken.None)).Should().Be(FinishOutcome.AlreadyFinished);
            await tx.CommitAsync();
            return 0;
        });

        (await LedgerAsync(run.Id)).Should().Equal(ledgerBefore, "a duplicate delivery changes no counter, state or snapshot");
    }

    private static async Task<List<string>> LedgerAsync(Guid runId) =>
    [
        .. await TestDatabase.RowsAsync($"SELECT phase, expected, remaining, status FROM sigmasight.batch_phases WHERE run_id = '{runId}' ORDER BY phase"),
        .. await TestDatabase.RowsAsync($"SELECT item_key, status, error, late_success FROM sigmasight.batch_items WHERE run_id = '{runId}' ORDER BY item_key"),
        .. await TestDatabase.RowsAsync("SELECT id, equity_balance FROM sigmasight.portfolio_snapshots ORDER BY id"),
        .. await TestDatabase.RowsAsync("SELECT status, summary FROM sigmasight.batch_runs ORDER BY id"),
    ];
}
