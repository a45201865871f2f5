using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Portfolios;

namespace SigmaSight.IntegrationTests.Orchestration;

/// <summary>
/// Issue 7, 1a: a nightly P&amp;L job that started before a correction and a recompute must not write the day from the
/// positions it saw before them, and the recompute must not adopt such a day: the result equals a clean recompute.
/// The interleaving is forced with <c>Batch:TestPnlDelay</c> (each P&amp;L job waits 8 s before it takes the lock, long enough for the recompute to plan and delete).
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class RecomputeRaceTests
{
    private const string HedgeFund = "Demo Hedge Fund Style Investor Portfolio";

    [Fact]
    public async Task RecomputeAfterACorrection_RacingANightlyChain_EqualsACleanRecompute()
    {
        List<DateOnly> days;
        Guid portfolio;
        await using (var host = await BatchTestHost.StartAsync())
        {
            await host.SeedDemoAsync();
            (days, portfolio) = await host.WithScopeAsync(async s =>
            {
                var calendar = await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None);
                var db = s.GetRequiredService<SigmaSightDbContext>();
                var inception = await db.Portfolios.MinAsync(p => p.InceptionDate);
                var id = await db.Portfolios.Where(p => p.Name == HedgeFund).Select(p => p.Id).SingleAsync();
                return (calendar.TradingDays(inception, BusinessDate.Resolve(host.Now, calendar)).ToList(), id);
            });
            var backfill = await host.WaitAsync((await host.StartBackfillAsync(days[0], days[^3])).RunId);
            backfill.Status.Should().Be(RunStatus.Completed, backfill.Summary);
        }
        var day = days[^2];
        var rows = $"""
            SELECT snapshot_date, equity_balance, cash_value, daily_pnl, long_value, num_positions
              FROM sigmasight.portfolio_snapshots WHERE portfolio_id = '{portfolio}' AND snapshot_date >= '{day:yyyy-MM-dd}' ORDER BY 1
            """;

        List<string> raced;
        await using (var slow = await BatchTestHost.StartAsync(reset: false,
                         settings: new Dictionary<string, string?> { ["Batch:TestPnlDelay"] = "00:00:08" }))
        {
            var nightly = await slow.WithScopeAsync(s => s.GetRequiredService<RunStarter>().StartAsync(
                new RunRequest(RunKind.Nightly, days[^1], days[^1], RunScope.All, "test", slow.Now), CancellationToken.None));
            var key = LedgerItemRef.PnlKey(portfolio, day);
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.batch_items WHERE item_key = '{key}' AND status = 'Running'") == 0
                   && waited.Elapsed < TimeSpan.FromSeconds(60))
                await Task.Delay(50, TestContext.Current.CancellationToken);

            // While the nightly job for the day waits: a trade booked late on that day, then the recompute it calls for.
            await TestDatabase.ExecuteAsync($"""
                INSERT INTO sigmasight.positions (id, portfolio_id, symbol, position_type, investment_class, quantity, entry_price, entry_date, lot_index)
                VALUES ('{Guid.NewGuid()}', '{portfolio}', 'AAPL', 'LONG', 'PUBLIC', 1000, 1.00, '{day:yyyy-MM-dd}', 99)
                """);
            var recompute = await slow.StartRecomputeAsync(portfolio, day, days[^1]);

            var results = await Task.WhenAll(slow.WaitAsync(nightly.RunId), slow.WaitAsync(recompute.RunId));
            results[1].Status.Should().Be(RunStatus.Completed, results[1].Summary);
            raced = await TestDatabase.RowsAsync(rows);
        }

        await using (var host = await BatchTestHost.StartAsync(reset: false))
        {
            var clean = await host.WaitAsync((await host.StartRecomputeAsync(portfolio, day, days[^1])).RunId);
            clean.Status.Should().Be(RunStatus.Completed, clean.Summary);
        }
        var expected = await TestDatabase.RowsAsync(rows);
        expected.Should().HaveCount(2);
        raced.Should().Equal(expected, "the raced recompute must equal a clean one: the late trade is in every rebuilt day");
    }
}
