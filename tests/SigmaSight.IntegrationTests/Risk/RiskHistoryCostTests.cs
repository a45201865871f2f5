using System.Text.Json;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Risk.Portfolios;

namespace SigmaSight.IntegrationTests.Risk;

/// <summary>
/// Issue 10 ("cost per portfolio-day must not grow with history"), phase 4: the risk job deletes and the risk report reads
/// one portfolio's rows of one day in each table. With ten years of rows behind that day, doing so must touch as few
/// pages as with ten days: every table is keyed or indexed by portfolio and day first. Measured by PostgreSQL itself
/// (buffers of <c>EXPLAIN (ANALYZE, BUFFERS)</c>) on the job's own predicate. The same holds for the job's read of the
/// last 63 snapshot returns.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class RiskHistoryCostTests : IAsyncLifetime
{
    private const string Day = "2026-10-30";
    private BatchTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await BatchTestHost.StartAsync(withServers: false);
        await _host.SeedDemoAsync();
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task OneDaysRows_TouchAsFewPages_AfterTenYearsOfHistory_AsAfterTenDays()
    {
        var portfolios = await TestDatabase.RowsAsync("SELECT id::text FROM sigmasight.portfolios ORDER BY name LIMIT 2");
        var (longHistory, shortHistory) = (portfolios[0], portfolios[1]);
        foreach (var (portfolio, from) in new[] { (longHistory, "2016-10-31"), (shortHistory, "2026-10-19") })
        {
            await TestDatabase.ExecuteAsync($"""
                WITH days AS (SELECT d::date AS day FROM generate_series('{from}'::date, '{Day}'::date, '1 day') d WHERE extract(isodow FROM d) < 6)
                INSERT INTO sigmasight.stress_results (portfolio_id, scenario_id, as_of, direct_pnl, correlated_pnl, correlation_effect, factor_impacts)
                SELECT '{portfolio}', s.scenario_id, days.day, 0, 0, 0, jsonb_build_object() FROM days, sigmasight.stress_scenarios s;
                WITH days AS (SELECT d::date AS day FROM generate_series('{from}'::date, '{Day}'::date, '1 day') d WHERE extract(isodow FROM d) < 6)
                INSERT INTO sigmasight.portfolio_factor_exposures (portfolio_id, factor, as_of, exposure, exposure_dollar, coverage, missing_symbols, private_symbols)
                SELECT '{portfolio}', f.name, days.day, 0, 0, 1, '[]'::jsonb, '[]'::jsonb FROM days, sigmasight.factor_definitions f;
                """);
        }
        await TestDatabase.ExecuteAsync("ANALYZE sigmasight.stress_results; ANALYZE sigmasight.portfolio_factor_exposures");
        (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.stress_results WHERE portfolio_id = '{longHistory}'"))
            .Should().BeGreaterThan(2_500 * 10, "ten years of weekdays, each with every scenario");

        foreach (var table in new[] { "stress_results", "portfolio_factor_exposures" })
        {
            var (longPages, longRows) = await PagesAsync(table, longHistory);
            var (shortPages, shortRows) = await PagesAsync(table, shortHistory);

            longRows.Should().Be(shortRows, $"{table}: the same day's rows for each portfolio").And.BeGreaterThan(0);
            longPages.Should().BeLessThanOrEqualTo(shortPages + 2,
                $"{table}: one day of a portfolio with ten years of rows reads {longPages} pages, with ten days {shortPages}");
        }
    }

    /// <summary>
    /// The risk job's read of the last 63 snapshot returns (snapshot-based volatility) stops after 63 rows of the
    /// (portfolio_id, snapshot_date) index: with ten years of snapshots it touches as few pages as with 70 days.
    /// </summary>
    [Fact]
    public async Task TheLast63SnapshotReturns_TouchAsFewPages_AfterTenYearsOfSnapshots_AsAfterSeventyDays()
    {
        var portfolios = await TestDatabase.RowsAsync("SELECT id::text FROM sigmasight.portfolios ORDER BY name LIMIT 2");
        var (longHistory, shortHistory) = (portfolios[0], portfolios[1]);
        foreach (var (portfolio, from) in new[] { (longHistory, "2016-10-31"), (shortHistory, "2026-07-24") })
            await TestDatabase.ExecuteAsync($"""
                INSERT INTO sigmasight.portfolio_snapshots (id, portfolio_id, snapshot_date, equity_balance, cash_value, daily_pnl,
                    daily_return, cumulative_pnl, daily_realized_pnl, cumulative_realized_pnl, daily_capital_flow, cumulative_capital_flow,
                    long_value, short_value, gross_exposure, net_exposure, num_positions, num_long_positions, num_short_positions,
                    stale_price_count, run_id, created_at)
                SELECT gen_random_uuid(), '{portfolio}', d::date, 1000000, 0, 0, 0.001, 0, 0, 0, 0, 0, 1000000, 0, 1000000, 1000000, 1, 1, 0,
                       0, gen_random_uuid(), now()
                  FROM generate_series('{from}'::date, '{Day}'::date, '1 day') d WHERE extract(isodow FROM d) < 6
                """);
        await TestDatabase.ExecuteAsync("ANALYZE sigmasight.portfolio_snapshots");
        (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.portfolio_snapshots WHERE portfolio_id = '{longHistory}'"))
            .Should().BeGreaterThan(2_500, "ten years of weekdays");

        var (longPages, longRows) = await PlanAsync(RiskInputBatch.SnapshotReturnsSql, longHistory);
        var (shortPages, shortRows) = await PlanAsync(RiskInputBatch.SnapshotReturnsSql, shortHistory);

        (longRows, shortRows).Should().Be((63L, 63L), "the last 63 snapshots of each");
        longPages.Should().BeLessThanOrEqualTo(shortPages + 2,
            $"the last 63 snapshot returns of a portfolio with ten years of snapshots read {longPages} pages, with 70 days {shortPages}");
    }

    /// <summary>Pages and rows of one of the risk job's queries for one portfolio on <see cref="Day"/>.</summary>
    private static Task<(long Pages, long Rows)> PlanAsync(string sql, string portfolio) =>
        PlanOfAsync(sql.Replace("@portfolio", $"'{portfolio}'", StringComparison.Ordinal)
            .Replace("@asOf", $"'{Day}'::date", StringComparison.Ordinal));

    /// <summary>Pages (shared buffers hit or read) and rows of the job's predicate for one portfolio on <see cref="Day"/>.</summary>
    private static Task<(long Pages, long Rows)> PagesAsync(string table, string portfolio) => PlanOfAsync(
        $"SELECT * FROM sigmasight.{table} WHERE portfolio_id = '{portfolio}' AND as_of >= '{Day}' AND as_of <= '{Day}'");

    private static async Task<(long Pages, long Rows)> PlanOfAsync(string query)
    {
        var plan = await TestDatabase.ScalarAsync<string>("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)\n" + query);
        using var document = JsonDocument.Parse(plan);
        var top = document.RootElement[0].GetProperty("Plan");
        return (top.GetProperty("Shared Hit Blocks").GetInt64() + top.GetProperty("Shared Read Blocks").GetInt64(),
            top.GetProperty("Actual Rows").GetInt64());
    }
}
