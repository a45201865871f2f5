using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.Demo;

/// <summary>
/// Issue 8, point 5: the real-data demo's path (<c>deploy/demo.sh --data dowjones30</c>) through the built binary,
/// over the last 10 trading days of 2000 instead of 60 to keep CI short: import-prices of the Dow Jones file,
/// import-portfolios of the demo's three books, backfill through Hangfire with the database-only provider and NYA as
/// the market benchmark. The data has no ETFs, so the demo's factor model is the market factor alone
/// (<c>data/dowjones30/factor-model.sql</c>, which the demo runs after migrate): every family is computed.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class DowJonesDemoTests
{
    private static readonly Dictionary<string, string> DowSettings = new()
    {
        ["MarketData__Provider"] = "database",
        ["Analytics__MarketBenchmark"] = "NYA",
        ["Schedule__Enabled"] = "false",
    };

    private static readonly string[] Portfolios = ["Dow Concentrated Portfolio", "Dow Long-Only Portfolio", "Dow Long/Short Portfolio"];

    [Fact]
    public async Task Backfill_Completes_WithEverySnapshotAndEveryFamily_OnTheRealDowJonesData()
    {
        await BatchTestHost.PrepareDatabaseAsync();
        var days = DowJonesBook.LastDaysOf2000(10);
        days[^1].Should().Be(new DateOnly(2000, 12, 29), "the last trading day of 2000 in the file");
        var (lots, flows) = DowJonesBook.WriteShortened(days[0]);
        try
        {
            var prices = await ServiceProcess.RunAsync(DowSettings, "import-prices", DowJonesBook.Prices, "--source", "dowjones30");
            prices.ExitCode.Should().Be(0, prices.Output);
            prices.Output.Should().Contain("78,399 rows read, 78,399 inserted");
            var book = await ServiceProcess.RunAsync(DowSettings, "import-portfolios", "--lots", lots, "--flows", flows);
            book.ExitCode.Should().Be(0, book.Output);
            book.Output.Should().StartWith("import-portfolios: portfolios 3 created");
            await TestDatabase.ExecuteAsync(await File.ReadAllTextAsync(DowJonesBook.FactorModel, TestContext.Current.CancellationToken));

            var backfill = await ServiceProcess.RunAsync(DowSettings, "backfill", "--from", $"{days[0]:yyyy-MM-dd}", "--to", $"{days[^1]:yyyy-MM-dd}");

            backfill.ExitCode.Should().Be(0, backfill.Output);
            (await TestDatabase.RowsAsync("SELECT kind, status FROM sigmasight.batch_runs")).Should().Equal("Backfill|Completed");
            (await TestDatabase.RowsAsync("""
                SELECT p.name, count(*), min(s.snapshot_date)::text, max(s.snapshot_date)::text FROM sigmasight.portfolio_snapshots s
                  JOIN sigmasight.portfolios p ON p.id = s.portfolio_id GROUP BY 1 ORDER BY 1
                """)).Should().Equal(
                [.. Portfolios.Select(n => $"{n}|10|{days[0]:yyyy-MM-dd}|{days[^1]:yyyy-MM-dd}")]);
            (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.position_values WHERE price_date <> value_date"))
                .Should().Be(0, "every Dow close is in the file: nothing is valued stale");
            (await TestDatabase.RowsAsync("""
                SELECT DISTINCT family, status FROM sigmasight.analytic_results WHERE as_of = '2000-12-29' ORDER BY 1
                """)).Should().Equal("concentration|present", "correlations|present", "factor_exposures|present",
                "options|not_applicable", "sector|present", "stress|present", "var|present", "volatility|present");
            (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.analytic_results WHERE as_of = '2000-12-29'"))
                .Should().Be(3 * 8, "every family of every portfolio has its row");
            (await TestDatabase.RowsAsync("""
                SELECT DISTINCT factor FROM sigmasight.portfolio_factor_exposures WHERE exposure IS NOT NULL
                """)).Should().Equal("Market Beta (90D)");
            (await TestDatabase.RowsAsync("""
                SELECT p.name || ': ' || count(*) || ' scenarios, ' || count(*) FILTER (WHERE r.direct_pnl <> 0) || ' with a loss or gain'
                  FROM sigmasight.stress_results r JOIN sigmasight.portfolios p ON p.id = r.portfolio_id
                 WHERE r.as_of = '2000-12-29' GROUP BY p.name ORDER BY 1
                """)).Should().Equal([.. Portfolios.Select(n => $"{n}: 6 scenarios, 6 with a loss or gain")],
                "the six market scenarios (5 % and 10 % either way, a 35 % crash, a 25 % rally) against each book's NYA beta");
            (await TestDatabase.RowsAsync("""
                SELECT symbol || '|' || severity FROM sigmasight.data_quality_findings WHERE kind = 'missing' ORDER BY 1
                """)).Should().Equal("TLT|warning");
            backfill.Output.Should().Contain("status Completed").And.Contain("30 snapshots verified for 3 portfolio(s)")
                .And.Contain("no close at all for the factor proxy TLT up to 2000-12-29 (provider database)");
            var (exitCode, output) = await Oracle.RecomputeSnapshotsAsync("--lots-csv", lots, "--flows-csv", flows);
            exitCode.Should().Be(0, output);
        }
        finally
        {
            File.Delete(lots);
            File.Delete(flows);
            await BatchTestHost.RestoreReferenceDataAsync();
        }
    }
}
