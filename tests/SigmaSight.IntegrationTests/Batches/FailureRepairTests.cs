using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Portfolios;

namespace SigmaSight.IntegrationTests.Batches;

/// <summary>A portfolio that fails stands in the run's status and the dashboard, and one re-enqueue repairs it.</summary>
[Collection(SharedDatabase.Name)]
public sealed class FailureRepairTests : IAsyncLifetime
{
    private const string HedgeFund = "Demo Hedge Fund Style Investor Portfolio";
    private BatchTestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await BatchTestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task FailingPortfolio_LeavesOthersComplete_AndOneReenqueueCompletesTheRun_AfterTheDataIsFixed()
    {
        await _host.SeedDemoAsync();
        var (portfolio, inception, last, days) = await _host.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<SigmaSightDbContext>();
            var calendar = await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None);
            var p = await db.Portfolios.SingleAsync(x => x.Name == HedgeFund);
            db.Positions.Add(new Position
            {
                Id = Guid.NewGuid(), PortfolioId = p.Id, Symbol = "ZZZZ", PositionType = "LONG", InvestmentClass = "PUBLIC",
                Quantity = 100, EntryPrice = 10m, EntryDate = p.InceptionDate,
            });
            await db.SaveChangesAsync();
            var lastDay = BusinessDate.Resolve(_host.Now, calendar);
            return (p.Id, p.InceptionDate, lastDay, calendar.TradingDays(p.InceptionDate, lastDay).ToList());
        });

        var handle = await _host.StartBackfillAsync(inception, last);
        var run = await _host.WaitAsync(handle.RunId);

        run.Status.Should().Be(RunStatus.CompletedWithErrors);
        run.Summary.Should().Contain(HedgeFund).And.Contain("missing price for ZZZZ");
        // A chain that fails on its first day can be finished (and the run verified) while the P&L starter is still
        // recording the job ids of the chains it enqueued: wait for the ids before reading them.
        for (var wait = 0; wait < 120 && await TestDatabase.ScalarAsync<long>(
                 $"SELECT count(*) FROM sigmasight.batch_items WHERE run_id = '{run.Id}' AND phase = 3 AND hangfire_job_id IS NULL") > 0; wait++)
            await Task.Delay(250, TestContext.Current.CancellationToken);
        var items = await _host.WithScopeAsync(s => s.GetRequiredService<SigmaSightDbContext>().BatchItems.AsNoTracking()
            .Where(i => i.RunId == run.Id && i.PortfolioId == portfolio && i.Phase == BatchPhases.Pnl).OrderBy(i => i.ItemDate).ToListAsync());
        items.Should().HaveCount(days.Count);
        items[0].Status.Should().Be(ItemStatus.Failed);
        items[0].Error.Should().Contain("ZZZZ");
        items.Skip(1).Should().OnlyContain(i => i.Status == ItemStatus.Blocked);
        (await TestDatabase.ScalarAsync<string>($"SELECT status FROM sigmasight.batch_phases WHERE run_id = '{run.Id}' AND phase = 3"))
            .Should().Be("CompletedWithErrors", "a phase whose items did not all succeed never reads Completed (issue 7, 1l)");
        var storage = _host.Services.GetRequiredService<JobStorage>();
        StateOf(storage, items[0].HangfireJobId!).Should().Be("Failed", "the failure stands in the dashboard");
        // The failed job computes the chain's first Batch:PnlDaysPerJob days; the next slice's job waits behind it.
        var slice = new BatchOptions().PnlDaysPerJob;
        days.Count.Should().BeGreaterThan(slice, "the test needs a chain of more than one slice");
        items.Take(slice).Select(i => i.HangfireJobId).Distinct().Should().Equal(items[0].HangfireJobId);
        items[slice].HangfireJobId.Should().NotBe(items[0].HangfireJobId);
        StateOf(storage, items[slice].HangfireJobId!).Should().Be("Awaiting", "the rest of the chain waits behind it");
        (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.portfolio_snapshots WHERE portfolio_id <> '{portfolio}'"))
            .Should().Be(4 * days.Count, "the other portfolios complete");
        (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.portfolio_snapshots WHERE portfolio_id = '{portfolio}'"))
            .Should().Be(0);

        await TestDatabase.ExecuteAsync($"""
            INSERT INTO sigmasight.prices (symbol, date, close, source)
            SELECT 'ZZZZ', d::date, 10 + extract(day FROM d)::numeric / 10, 'test'
              FROM generate_series('{inception.AddDays(-150):yyyy-MM-dd}'::date, '{last:yyyy-MM-dd}'::date, '1 day') AS d
             WHERE extract(isodow FROM d) < 6
            """);
        _host.Services.GetRequiredService<IBackgroundJobClient>().Requeue(items[0].HangfireJobId!).Should().BeTrue();

        var repaired = await _host.WaitForStatusAsync(run.Id, RunStatus.Completed);

        repaired.Status.Should().Be(RunStatus.Completed, repaired.Summary);
        (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.portfolio_snapshots WHERE portfolio_id = '{portfolio}'"))
            .Should().Be(days.Count);
        (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.batch_items WHERE run_id = '{run.Id}' AND phase = 3 AND late_success"))
            .Should().Be(days.Count, "the failed item and every blocked one succeeded late");
        (await TestDatabase.ScalarAsync<string>($"SELECT status || ' ' || late_success FROM sigmasight.batch_items WHERE run_id = '{run.Id}' AND phase = 4 AND portfolio_id = '{portfolio}'"))
            .Should().Be("Succeeded true", "the portfolio's risk item, blocked behind its chain, ran once the chain was released");
        (await TestDatabase.ScalarAsync<long>($"SELECT remaining FROM sigmasight.batch_phases WHERE run_id = '{run.Id}' AND phase = 3"))
            .Should().Be(0, "late successes never decrement again");
        (await TestDatabase.ScalarAsync<string>($"SELECT status FROM sigmasight.batch_phases WHERE run_id = '{run.Id}' AND phase = 3"))
            .Should().Be("Completed", "every item of the phase has succeeded now");
        var (exitCode, output) = await Oracle.RecomputeSnapshotsAsync();
        exitCode.Should().Be(0, output);
    }

    internal static string? StateOf(JobStorage storage, string jobId)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }
}
