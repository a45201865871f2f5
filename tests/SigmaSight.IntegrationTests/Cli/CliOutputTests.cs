using System.Text.Json;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.Cli;

/// <summary>
/// Issue 9 point 3 with the built binary and real PostgreSQL: with stdout not a terminal the CLI prints plain lines and
/// no ANSI escape; <c>status</c> lists a failed item with its error and its Hangfire job's link; <c>--json</c> on every
/// read verb prints one JSON document alone on stdout, carrying the database's figures.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class CliOutputTests(PoisonedBackfill backfill) : IClassFixture<PoisonedBackfill>
{
    private const char Escape = '\u001b';

    [Fact]
    public async Task Backfill_OnAPipe_PrintsPlainProgress_ThenTheFailedItemWithItsErrorAndJobLink_AndNoEscape()
    {
        backfill.ExitCode.Should().Be(1, "CompletedWithErrors: " + backfill.Stdout + backfill.Stderr);
        (backfill.Stdout + backfill.Stderr).Should().NotContain(Escape.ToString());
        var failed = await FailedItemAsync();
        backfill.Stdout.Should().Contain($"  Failed   {failed.Key}  {failed.Error}  job: {PoisonedBackfill.PublicUrl}/hangfire/jobs/details/{failed.Job}\n");
        backfill.Stdout.Split('\n').Where(l => l.StartsWith("  market data: ", StringComparison.Ordinal)).Should().NotBeEmpty()
            .And.Contain(l => l.Contains(" failed", StringComparison.Ordinal), "the last progress line counts the failures");
        backfill.Stdout.Should().Contain($"  dashboard: {PoisonedBackfill.PublicUrl}/hangfire/runs/{backfill.RunId}");
    }

    [Fact]
    public async Task Status_PlainAndJson_ShowThePhasesCounts_AndTheFailedItemWithItsErrorAndJobLink()
    {
        var (plainCode, plain, _) = await ServiceProcess.RunSeparatelyAsync(PoisonedBackfill.Settings, "status", backfill.RunId.ToString(), "--plain");
        var status = await JsonAsync("status", backfill.RunId.ToString()[^12..], "--json");
        var failed = await FailedItemAsync();

        plainCode.Should().Be(0, plain);
        plain.Should().NotContain(Escape.ToString()).And.Contain($"  Failed   {failed.Key}  {failed.Error}  job: {PoisonedBackfill.PublicUrl}/hangfire/jobs/details/{failed.Job}");
        status.GetProperty("run").GetProperty("id").GetGuid().Should().Be(backfill.RunId);
        status.GetProperty("run").GetProperty("status").GetString().Should().Be("CompletedWithErrors");
        status.GetProperty("runUrl").GetString().Should().Be($"{PoisonedBackfill.PublicUrl}/hangfire/runs/{backfill.RunId}");
        var ledger = await TestDatabase.RowsAsync($"""
            SELECT p.phase, p.name, p.status, p.expected, p.expected - p.remaining,
                   count(*) FILTER (WHERE i.status = 'Succeeded'), count(*) FILTER (WHERE i.status = 'Failed'), count(*) FILTER (WHERE i.status = 'Blocked')
              FROM sigmasight.batch_phases p LEFT JOIN sigmasight.batch_items i ON i.run_id = p.run_id AND i.phase = p.phase
             WHERE p.run_id = '{backfill.RunId}' GROUP BY p.phase, p.name, p.status, p.expected, p.remaining ORDER BY p.phase
            """);
        status.GetProperty("phases").EnumerateArray().Select(p => string.Join('|', p.GetProperty("phase").GetInt32(), p.GetProperty("name").GetString(),
                p.GetProperty("status").GetString(), p.GetProperty("expected").GetInt32(), p.GetProperty("done").GetInt32(),
                p.GetProperty("succeeded").GetInt32(), p.GetProperty("failed").GetInt32(), p.GetProperty("blocked").GetInt32()))
            .Should().Equal(ledger);
        status.GetProperty("unsuccessfulCount").GetInt32().Should().Be(await TestDatabase.ScalarAsync<int>(
            $"SELECT count(*)::int FROM sigmasight.batch_items WHERE run_id = '{backfill.RunId}' AND status <> 'Succeeded'")).And.BeGreaterThan(1);
        var item = status.GetProperty("unsuccessful").EnumerateArray().Single(i => i.GetProperty("status").GetString() == "Failed");
        (item.GetProperty("itemKey").GetString(), item.GetProperty("error").GetString(), item.GetProperty("hangfireJobId").GetString())
            .Should().Be((failed.Key, failed.Error, failed.Job));
        item.GetProperty("jobUrl").GetString().Should().Be($"{PoisonedBackfill.PublicUrl}/hangfire/jobs/details/{failed.Job}");
        failed.Error.Should().Contain("POISON");
    }

    [Fact]
    public async Task RunsPortfoliosAndRisk_Json_CarryTheDatabasesFigures()
    {
        var runs = await JsonAsync("runs", "--json");
        var portfolios = await JsonAsync("portfolios", "--json");
        var risk = await JsonAsync("risk", "--portfolio", PoisonedBackfill.Healthy, "--json");

        runs[0].GetProperty("id").GetGuid().Should().Be(backfill.RunId);
        runs[0].GetProperty("durationSeconds").GetDouble().Should().BeApproximately(await TestDatabase.ScalarAsync<double>(
            $"SELECT extract(epoch FROM finished_at - started_at)::float8 FROM sigmasight.batch_runs WHERE id = '{backfill.RunId}'"), 1e-6);
        var navs = await TestDatabase.RowsAsync("""
            SELECT p.name, to_char(s.snapshot_date, 'YYYY-MM-DD'), s.equity_balance FROM sigmasight.portfolios p
              JOIN LATERAL (SELECT snapshot_date, equity_balance FROM sigmasight.portfolio_snapshots WHERE portfolio_id = p.id
                            ORDER BY snapshot_date DESC LIMIT 1) s ON true
             ORDER BY p.name
            """);
        portfolios.EnumerateArray().Select(p => $"{p.GetProperty("name").GetString()}|{p.GetProperty("latestSnapshotDate").GetString()}|" +
            $"{p.GetProperty("latestNav").GetDecimal():0.00}").Should().Equal(navs);
        var healthy = navs.Single(n => n.StartsWith(PoisonedBackfill.Healthy, StringComparison.Ordinal)).Split('|');
        risk.GetProperty("asOf").GetString().Should().Be(healthy[1]);
        risk.GetProperty("nav").GetDecimal().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture).Should().Be(healthy[2]);
        var stress = await TestDatabase.RowsAsync($"""
            SELECT r.scenario_id, r.correlated_pnl FROM sigmasight.stress_results r JOIN sigmasight.portfolios p ON p.id = r.portfolio_id
             WHERE p.name = '{PoisonedBackfill.Healthy}' AND r.as_of = '{healthy[1]}' ORDER BY r.scenario_id
            """);
        stress.Should().NotBeEmpty();
        risk.GetProperty("stress").GetArrayLength().Should().Be(stress.Count);
        // The snapshot-based volatility as stored: the demo book's history holds fewer than 63 snapshot returns, so its 63-day
        // figure is null (never 0) with the reason; its 21-day figure is the stored one.
        var stored = (await TestDatabase.RowsAsync($"""
            SELECT s.snapshot_realized_vol_21d, s.snapshot_realized_vol_63d IS NULL, s.snapshot_volatility_reason,
                   (SELECT count(daily_return) FROM (SELECT daily_return FROM sigmasight.portfolio_snapshots
                     WHERE portfolio_id = s.portfolio_id AND snapshot_date <= s.snapshot_date ORDER BY snapshot_date DESC LIMIT 63) w)
              FROM sigmasight.portfolio_snapshots s JOIN sigmasight.portfolios p ON p.id = s.portfolio_id
             WHERE p.name = '{PoisonedBackfill.Healthy}' AND s.snapshot_date = '{healthy[1]}'
            """)).Single().Split('|');
        var summary = risk.GetProperty("summary");
        summary.GetProperty("snapshotRealizedVol21d").GetDouble().Should().Be(double.Parse(stored[0], System.Globalization.CultureInfo.InvariantCulture));
        (summary.GetProperty("snapshotRealizedVol63d").ValueKind, stored[1]).Should().Be((JsonValueKind.Null, "True"));
        summary.GetProperty("snapshotVolatilityReason").GetString().Should().Be(stored[2])
            .And.Be($"insufficient history: {stored[3]} of 63 snapshot returns");
    }

    [Fact]
    public async Task DiffClosuresAndBusinessDate_Json_CarryTheDatabasesFigures()
    {
        var diff = await JsonAsync("diff", backfill.RunId.ToString(), backfill.RunId.ToString(), "--json");
        diff.GetProperty("same").GetBoolean().Should().BeTrue(diff.ToString());
        diff.GetProperty("compared").GetInt32().Should().Be(await TestDatabase.ScalarAsync<int>($"""
            SELECT count(*)::int FROM sigmasight.portfolio_snapshots s JOIN sigmasight.batch_runs r ON r.id = '{backfill.RunId}'
             WHERE s.snapshot_date BETWEEN r.range_from AND r.range_to
            """), "the portfolio-days of the run's range").And.BeGreaterThan(0);

        (await ServiceProcess.RunAsync(PoisonedBackfill.Settings, "add-closure", "--date", "2027-03-15", "--reason", "CLI test closure")).ExitCode.Should().Be(0);
        try
        {
            var closures = await JsonAsync("closures", "--json");
            closures.EnumerateArray().Select(c => $"{c.GetProperty("date").GetString()}|{c.GetProperty("reason").GetString()}")
                .Should().Equal(await TestDatabase.RowsAsync("SELECT to_char(date, 'YYYY-MM-DD'), reason FROM sigmasight.market_closures ORDER BY date"))
                .And.Contain("2027-03-15|CLI test closure");
            var dates = await JsonAsync("business-date", "--at", "2027-03-16T03:00:00Z", "2027-03-17T03:00:00Z", "--json");
            dates.EnumerateArray().Select(d => d.GetProperty("businessDate").GetString())
                .Should().Equal("2027-03-12", "2027-03-16"); // the closure of Monday 15 March moves that night to Friday
        }
        finally
        {
            (await ServiceProcess.RunAsync(PoisonedBackfill.Settings, "remove-closure", "2027-03-15")).ExitCode.Should().Be(0);
        }
    }

    [Fact]
    public async Task ReadVerbs_OnAPipe_PrintNoEscape()
    {
        foreach (var verb in new[] { new[] { "status" }, ["runs"], ["portfolios"], ["closures"], ["status", backfill.RunId.ToString()] })
        {
            var (code, stdout, stderr) = await ServiceProcess.RunSeparatelyAsync(PoisonedBackfill.Settings, verb);
            code.Should().Be(0, stdout + stderr);
            stdout.Should().NotBeEmpty().And.NotContain(Escape.ToString(), string.Join(' ', verb));
        }
    }

    /// <summary>Runs a verb and parses its whole stdout as one JSON document (anything else on stdout fails the parse).</summary>
    private static async Task<JsonElement> JsonAsync(params string[] arguments)
    {
        var (code, stdout, stderr) = await ServiceProcess.RunSeparatelyAsync(PoisonedBackfill.Settings, arguments);
        code.Should().BeOneOf([0], stdout + stderr);
        using var document = JsonDocument.Parse(stdout);
        return document.RootElement.Clone();
    }

    private async Task<(string Key, string Error, string Job)> FailedItemAsync()
    {
        var row = (await TestDatabase.RowsAsync($"""
            SELECT item_key, error, hangfire_job_id FROM sigmasight.batch_items WHERE run_id = '{backfill.RunId}' AND status = 'Failed'
            """)).Should().ContainSingle().Subject.Split('|');
        return (row[0], row[1], row[2]);
    }
}
