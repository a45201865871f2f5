using System.Globalization;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.IntegrationTests.MarketData.Import;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.MarketData;

namespace SigmaSight.IntegrationTests.Orchestration;

/// <summary>
/// A rebuild deletes a portfolio's snapshots and analytics from its first day on. A run whose range ends before the
/// latest snapshot cannot write them again, so it leaves the portfolio as stored, the rebuild pending and a warning on
/// the run; the next run that reaches the latest snapshot rebuilds it. Before, such a backfill deleted every snapshot
/// after its range and the analytics with them, and still verified Completed.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class PastRangeRebuildTests
{
    private const string Symbol = "FCNTX";
    private const string Holder = "Demo Individual Investor Portfolio";

    [Fact]
    public async Task BackfillEndingBeforeTheLatestSnapshot_LeavesAPendingRebuildPending_AndLosesNothing()
    {
        List<DateOnly> days;
        string before;
        await using (var host = await BatchTestHost.StartAsync())
        {
            await host.SeedDemoAsync();
            days = await host.FirstTradingDaysAsync(7);
            var run = await host.WaitAsync((await host.StartBackfillAsync(days[0], days[6])).RunId);
            run.Status.Should().Be(RunStatus.Completed, run.Summary);
            var close = await TestDatabase.ScalarAsync<decimal>($"SELECT close FROM sigmasight.prices WHERE symbol = '{Symbol}' AND date = '{days[2]:yyyy-MM-dd}'");
            before = await StoredAsync();
            var outcome = await host.ImportAsync(
                string.Create(CultureInfo.InvariantCulture, $"date,symbol,close\n{days[2]:yyyy-MM-dd},{Symbol},{close + 1.25m}\n"));
            outcome.Rebuilds.Select(r => (r.Portfolio, r.From)).Should().Equal([(Holder, days[2])]);
        }

        await using (var host = await BatchTestHost.StartAsync(reset: false,
            settings: new Dictionary<string, string?> { ["MarketData:Provider"] = "database" }))
        {
            var past = await host.WaitAsync((await host.StartBackfillAsync(days[0], days[3])).RunId);

            past.Status.Should().Be(RunStatus.Completed, past.Summary);
            (await StoredAsync()).Should().Be(before, "no snapshot or position value of the holder is deleted or changed");
            (await AnalyticsOnAsync(days[6])).Should().BeGreaterThan(0, "the analytics of the latest day are not deleted");
            (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.batch_items WHERE run_id = '{past.Id}' AND phase = {BatchPhases.Pnl}"))
                .Should().Be(0, "every day of the range is stored, and the rebuild is left to a run that reaches the latest snapshot");
            (await TestDatabase.ScalarAsync<string>("SELECT to_char(from_date, 'YYYY-MM-DD') FROM sigmasight.snapshot_rebuilds"))
                .Should().Be($"{days[2]:yyyy-MM-dd}", "the rebuild stays pending");
            (await TestDatabase.RowsAsync($"""
                SELECT f.severity, to_char(f.business_date, 'YYYY-MM-DD'), p.name, f.detail FROM sigmasight.data_quality_findings f
                  JOIN sigmasight.portfolios p ON p.id = f.portfolio_id WHERE f.run_id = '{past.Id}' AND f.kind = '{DeferredRebuildFindings.Kind}'
                """)).Should().Equal($"warning|{days[2]:yyyy-MM-dd}|{Holder}|snapshots from {days[2]:yyyy-MM-dd} on are due for a rebuild " +
                $"(a close they were valued without has arrived or was corrected), but this run ends on {days[3]:yyyy-MM-dd}, before the " +
                $"latest snapshot ({days[6]:yyyy-MM-dd}): it leaves them as stored and the rebuild pending for the next nightly, or a " +
                $"backfill to {days[6]:yyyy-MM-dd}");

            var next = await host.WaitAsync((await host.StartBackfillAsync(days[0], days[6])).RunId);

            next.Status.Should().Be(RunStatus.Completed, next.Summary);
            (await TestDatabase.RowsAsync($"""
                SELECT to_char(i.item_date, 'YYYY-MM-DD') FROM sigmasight.batch_items i
                 WHERE i.run_id = '{next.Id}' AND i.phase = {BatchPhases.Pnl} ORDER BY 1
                """)).Should().Equal(days[2..].Select(d => $"{d:yyyy-MM-dd}"), "the run that reaches the latest snapshot rebuilds the holder");
            (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.snapshot_rebuilds")).Should().Be(0);
            (await AnalyticsOnAsync(days[6])).Should().BeGreaterThan(0, "the last day's analytics are computed again");
        }
    }

    /// <summary>The holder's snapshots and position values, as text: what a deletion would change.</summary>
    private static async Task<string> StoredAsync() => string.Join("\n", await TestDatabase.RowsAsync($"""
        SELECT 's', s.snapshot_date::text, s.equity_balance::text FROM sigmasight.portfolio_snapshots s
          JOIN sigmasight.portfolios p ON p.id = s.portfolio_id WHERE p.name = '{Holder}'
        UNION ALL
        SELECT 'v', v.value_date::text, sum(v.market_value)::text FROM sigmasight.position_values v
          JOIN sigmasight.portfolios p ON p.id = v.portfolio_id WHERE p.name = '{Holder}' GROUP BY v.value_date
        ORDER BY 1, 2
        """));

    private static Task<long> AnalyticsOnAsync(DateOnly day) => TestDatabase.ScalarAsync<long>($"""
        SELECT count(*) FROM sigmasight.analytic_results r JOIN sigmasight.portfolios p ON p.id = r.portfolio_id
         WHERE p.name = '{Holder}' AND r.as_of = '{day:yyyy-MM-dd}'
        """);
}
