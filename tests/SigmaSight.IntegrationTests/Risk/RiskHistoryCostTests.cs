using System.Text.Json;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.Risk;

/// <summary>
/// Issue 10 ("cost per portfolio-day must not grow with history"), phase 4: the risk job deletes and the risk report reads
/// one portfolio's rows of one day in each table. With ten years of rows behind that day, doing so must touch as few
/// pages as with ten days: every table is keyed or indexed by portfolio and day first. Measured by PostgreSQL itself
/// (buffers of <c>EXPLAIN (ANALYZE, BUFFERS)</c>) on the job's own predicate.
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

    /// <summary>Pages (shared buffers hit or read) and rows of the job's predicate for one portfolio on <see cref="Day"/>.</summary>
    private static async Task<(long Pages, long Rows)> PagesAsync(string table, string portfolio)
    {
        var plan = await TestDatabase.ScalarAsync<string>($"""
            EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)
            SELECT * FROM sigmasight.{table} WHERE portfolio_id = '{portfolio}' AND as_of >= '{Day}' AND as_of <= '{Day}'
            """);
        using var document = JsonDocument.Parse(plan);
        var top = document.RootElement[0].GetProperty("Plan");
        return (top.GetProperty("Shared Hit Blocks").GetInt64() + top.GetProperty("Shared Read Blocks").GetInt64(),
            top.GetProperty("Actual Rows").GetInt64());
    }
}
