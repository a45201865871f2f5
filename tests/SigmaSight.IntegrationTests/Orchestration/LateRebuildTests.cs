using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.IntegrationTests.MarketData.Import;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.MarketData;

namespace SigmaSight.IntegrationTests.Orchestration;

/// <summary>
/// Phase 2 fixes a run's analytics dates, including the days its rebuilds invalidate. A rebuild that becomes due while
/// phase 2 runs (here a price import's correction) must not make phase 3 delete stored analytics of days the run does
/// not compute again: the portfolio keeps its stored days, adds the new one, and the rebuild stays pending, with a
/// warning on the run. Before, those days' analytics were deleted and never computed again, and the run verified Completed.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class LateRebuildTests
{
    private const string Symbol = "FCNTX";
    private const string Holder = "Demo Individual Investor Portfolio";

    [Fact]
    public async Task RebuildDueWhilePhase2Runs_IsLeftPending_AndNoStoredAnalyticsAreLost()
    {
        List<DateOnly> days;
        await using (var host = await BatchTestHost.StartAsync())
        {
            await host.SeedDemoAsync();
            days = await host.FirstTradingDaysAsync(6);
            foreach (var to in new[] { days[3], days[4] })
            {
                var run = await host.WaitAsync((await host.StartBackfillAsync(days[0], to)).RunId);
                run.Status.Should().Be(RunStatus.Completed, run.Summary);
            }
        }
        (await AnalyticsOnAsync(days[3]), await AnalyticsOnAsync(days[4])).Should().Be((8L, 8L), "each backfill stored its last day's families");

        var logs = new CapturedLogs();
        await using (var host = await BatchTestHost.StartAsync(reset: false, settings: new Dictionary<string, string?>
            {
                ["Batch:TestPausePoint"] = TestPauses.SymbolAnalytics,
                ["Batch:TestPause"] = "00:00:20",
            }, configureServices: s => s.AddSingleton<ILoggerProvider>(logs)))
        {
            var started = await host.StartBackfillAsync(days[0], days[5]);
            await WaitForAsync(() => logs.Lines.Any(l => l.Contains($"TEST PAUSE at {TestPauses.SymbolAnalytics}", StringComparison.Ordinal)));
            var close = await TestDatabase.ScalarAsync<decimal>($"SELECT close FROM sigmasight.prices WHERE symbol = '{Symbol}' AND date = '{days[2]:yyyy-MM-dd}'");
            var outcome = await host.ImportAsync(string.Create(CultureInfo.InvariantCulture, $"date,symbol,close\n{days[2]:yyyy-MM-dd},{Symbol},{close + 1.25m}\n"));
            outcome.Rebuilds.Select(r => (r.Portfolio, r.From)).Should().Equal([(Holder, days[2])]);

            var run = await host.WaitAsync(started.RunId);

            run.Status.Should().Be(RunStatus.Completed, run.Summary);
            (await AnalyticsOnAsync(days[3]), await AnalyticsOnAsync(days[4]), await AnalyticsOnAsync(days[5]))
                .Should().Be((8L, 8L, 8L), "the stored days keep their analytics, and the new day has its own");
            (await TestDatabase.RowsAsync($"""
                SELECT to_char(i.item_date, 'YYYY-MM-DD') FROM sigmasight.batch_items i JOIN sigmasight.portfolios p ON p.id = i.portfolio_id
                 WHERE i.run_id = '{run.Id}' AND i.phase = {BatchPhases.Pnl} AND p.name = '{Holder}'
                """)).Should().Equal($"{days[5]:yyyy-MM-dd}");
            (await TestDatabase.ScalarAsync<string>("SELECT to_char(from_date, 'YYYY-MM-DD') FROM sigmasight.snapshot_rebuilds"))
                .Should().Be($"{days[2]:yyyy-MM-dd}", "the rebuild stays pending for the next run");
            (await TestDatabase.RowsAsync($"""
                SELECT f.severity, to_char(f.business_date, 'YYYY-MM-DD'), f.detail FROM sigmasight.data_quality_findings f
                 WHERE f.run_id = '{run.Id}' AND f.kind = '{DeferredRebuildFindings.Kind}'
                """)).Should().Equal($"warning|{days[2]:yyyy-MM-dd}|snapshots from {days[2]:yyyy-MM-dd} on became due for a rebuild " +
                "(a close they were valued without has arrived or was corrected) after this run fixed its analytics dates: rebuilding " +
                "them now would delete analytics of days it does not compute again, so it leaves them as stored and the rebuild " +
                "pending for the next run");
        }
    }

    private static Task<long> AnalyticsOnAsync(DateOnly day) => TestDatabase.ScalarAsync<long>($"""
        SELECT count(*) FROM sigmasight.analytic_results r JOIN sigmasight.portfolios p ON p.id = r.portfolio_id
         WHERE p.name = '{Holder}' AND r.as_of = '{day:yyyy-MM-dd}'
        """);

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            waited.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(120), "the run reaches phase 2");
            await Task.Delay(100);
        }
    }
}
