using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.MarketData.Synthetic;

namespace SigmaSight.IntegrationTests.Orchestration;

/// <summary>A close that arrives after a snapshot was valued without it makes the next run rebuild from that day.</summary>
[Collection(SharedDatabase.Name)]
public sealed class LateCloseTests
{
    [Fact]
    public async Task NextRun_RebuildsFromTheStaleDay_WhenItsCloseHasArrived()
    {
        List<DateOnly> days;
        Guid firstRun;
        await using (var host = await BatchTestHost.StartAsync(configureServices: s =>
            s.Replace(ServiceDescriptor.Scoped<IMarketDataProvider, ProviderMissingAaplOnDay3>())))
        {
            await host.SeedDemoAsync();
            days = await host.FirstTradingDaysAsync(6);
            ProviderMissingAaplOnDay3.Missing = days[3];
            var run = await host.WaitAsync((await host.StartBackfillAsync(days[0], days[4])).RunId);
            run.Status.Should().Be(RunStatus.CompletedWithErrors);
            run.Summary.Should().Contain($"AAPL on {days[3]:yyyy-MM-dd} valued at its close of {days[2]:yyyy-MM-dd}");
            firstRun = run.Id;
        }

        await using (var host = await BatchTestHost.StartAsync(reset: false))
        {
            var run = await host.WaitAsync((await host.StartBackfillAsync(days[0], days[5])).RunId);

            run.Status.Should().Be(RunStatus.Completed, run.Summary);
            var rebuilt = await TestDatabase.RowsAsync($"""
                SELECT DISTINCT p.name FROM sigmasight.batch_items i JOIN sigmasight.portfolios p ON p.id = i.portfolio_id
                 WHERE i.run_id = '{run.Id}' AND i.item_date = '{days[3]:yyyy-MM-dd}' ORDER BY 1
                """);
            var holders = await TestDatabase.RowsAsync("""
                SELECT DISTINCT p.name FROM sigmasight.positions x JOIN sigmasight.portfolios p ON p.id = x.portfolio_id
                 WHERE x.symbol = 'AAPL' OR x.underlying_symbol = 'AAPL' ORDER BY 1
                """);
            rebuilt.Should().Equal(holders, "exactly the portfolios valued with AAPL's stale close are rebuilt from that day");
            (await TestDatabase.ScalarAsync<long>("""
                SELECT count(*) FROM sigmasight.position_values v JOIN sigmasight.positions p ON p.id = v.position_id
                 WHERE v.price_date < v.value_date AND p.investment_class <> 'PRIVATE'
                """)).Should().Be(0, "no snapshot is valued with a stale price any more");
            (await TestDatabase.RowsAsync("SELECT portfolio_id, snapshot_date, count(*) FROM sigmasight.portfolio_snapshots GROUP BY 1, 2"))
                .Should().HaveCount(5 * days.Count).And.OnlyContain(r => r.EndsWith("|1", StringComparison.Ordinal));
            var (exitCode, output) = await Oracle.RecomputeSnapshotsAsync();
            exitCode.Should().Be(0, output);
            firstRun.Should().NotBe(run.Id);
        }
    }

    [Fact]
    public async Task NextRun_RecomputesTheAnalyticsOfEveryRebuiltDay_AndLeavesTheOthers()
    {
        List<DateOnly> days;
        Guid firstRun;
        double volatilityWithoutTheClose;
        await using (var host = await BatchTestHost.StartAsync(configureServices: s =>
            s.Replace(ServiceDescriptor.Scoped<IMarketDataProvider, ProviderMissingAaplOnDay3>())))
        {
            await host.SeedDemoAsync();
            days = await host.FirstTradingDaysAsync(6);
            ProviderMissingAaplOnDay3.Missing = days[3];
            var started = await host.WithScopeAsync(s => s.GetRequiredService<RunStarter>().StartAsync(
                new RunRequest(RunKind.Backfill, days[0], days[4], RunScope.All, "test", host.Now, AnalyticsAllDates: true),
                CancellationToken.None));
            var run = await host.WaitAsync(started.RunId);
            run.Status.Should().Be(RunStatus.CompletedWithErrors, "AAPL's close of {0} is missing", days[3]);
            firstRun = run.Id;
            volatilityWithoutTheClose = await AaplVolatilityAsync(days[4]);
        }

        await using (var host = await BatchTestHost.StartAsync(reset: false))
        {
            var run = await host.WaitAsync((await host.StartBackfillAsync(days[0], days[5])).RunId);

            run.Status.Should().Be(RunStatus.Completed, run.Summary);
            run.PlannedAnalyticsDates.Should().Equal([days[3], days[4], days[5]], "days 3 and 4 had analytics the rebuild deleted");
            var recomputed = await TestDatabase.RowsAsync($"""
                SELECT p.name, to_char(r.as_of, 'YYYY-MM-DD'), count(*) FROM sigmasight.analytic_results r JOIN sigmasight.portfolios p ON p.id = r.portfolio_id
                 WHERE r.run_id = '{run.Id}' AND r.as_of < '{days[5]:yyyy-MM-dd}' GROUP BY 1, 2 ORDER BY 1, 2
                """);
            var holders = await TestDatabase.RowsAsync("""
                SELECT DISTINCT p.name FROM sigmasight.positions x JOIN sigmasight.portfolios p ON p.id = x.portfolio_id
                 WHERE x.symbol = 'AAPL' OR x.underlying_symbol = 'AAPL' ORDER BY 1
                """);
            recomputed.Should().Equal(holders.SelectMany(h => new[] { $"{h}|{days[3]:yyyy-MM-dd}|8", $"{h}|{days[4]:yyyy-MM-dd}|8" }),
                "every family of each rebuilt day of each AAPL holder is computed again");
            (await TestDatabase.ScalarAsync<long>($"""
                SELECT count(*) FROM sigmasight.analytic_results WHERE run_id = '{firstRun}' AND as_of >= '{days[3]:yyyy-MM-dd}'
                """)).Should().Be((5 - holders.Count) * 2 * 8, "the portfolios not rebuilt keep their analytics of days 3 and 4");
            (await TestDatabase.ScalarAsync<long>($"""
                SELECT count(*) FROM sigmasight.analytic_results WHERE as_of BETWEEN '{days[0]:yyyy-MM-dd}' AND '{days[5]:yyyy-MM-dd}'
                """)).Should().Be(5 * 6 * 8, "no day lost its analytics");
            (await AaplVolatilityAsync(days[4])).Should().NotBe(volatilityWithoutTheClose,
                "phase 2 computed the symbol figures of the invalidated days again, with the close that arrived");
        }
    }

    private static Task<double> AaplVolatilityAsync(DateOnly day) => TestDatabase.ScalarAsync<double>($"""
        SELECT realized_vol_21d FROM sigmasight.symbol_volatility WHERE symbol = 'AAPL' AND as_of = '{day:yyyy-MM-dd}'
        """);

    /// <summary>The demo's synthetic market without AAPL's close on one day (the day a provider was late).</summary>
    private sealed class ProviderMissingAaplOnDay3(SyntheticMarketDataProvider inner) : IMarketDataProvider
    {
        public static DateOnly Missing { get; set; }

        public string Source => inner.Source;

        public async Task<IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>>> GetClosesAsync(
            IReadOnlyCollection<string> symbols, DateOnly firstDate, DateOnly lastDate, CancellationToken cancellationToken)
        {
            var closes = await inner.GetClosesAsync(symbols, firstDate, lastDate, cancellationToken);
            return closes.ToDictionary(c => c.Key, c => c.Key == "AAPL"
                ? (IReadOnlyList<KeyValuePair<DateOnly, decimal>>)[.. c.Value.Where(v => v.Key != Missing)]
                : c.Value);
        }

        public Task<IReadOnlyList<SecurityReference>> GetSecuritiesAsync(
            IReadOnlyCollection<string> symbols, CancellationToken cancellationToken) =>
            inner.GetSecuritiesAsync(symbols, cancellationToken);
    }
}
