using System.Net;
using System.Text.RegularExpressions;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;

namespace SigmaSight.IntegrationTests.Dashboard;

/// <summary>The ledger-driven Runs pages inside Hangfire's dashboard, over HTTP on a real web host.</summary>
[Collection(SharedDatabase.Name)]
public sealed partial class RunsPageTests(RunsPageFixture fixture) : IClassFixture<RunsPageFixture>
{
    [Fact]
    public async Task RunList_ShowsRunsNewestFirstWithStatusBadges_WhenTheLedgerHasRuns()
    {
        fixture.CompletedRun.Status.Should().Be(RunStatus.Completed, fixture.CompletedRun.Summary);
        fixture.FailedRun.Status.Should().Be(RunStatus.CompletedWithErrors, fixture.FailedRun.Summary);

        var (status, html) = await GetAsync("/hangfire/runs");

        status.Should().Be(HttpStatusCode.OK);
        var rows = RunRows().Matches(html).ToDictionary(m => m.Groups["id"].Value, m => m.Groups["row"].Value);
        rows.Keys.Should().Equal([fixture.FailedRun.Id.ToString(), fixture.CompletedRun.Id.ToString()], "newest first");
        rows[fixture.CompletedRun.Id.ToString()].Should()
            .Contain($"href=\"/hangfire/runs/{fixture.CompletedRun.Id}\"")
            .And.Contain("<span class=\"label label-success\">Completed</span>")
            .And.Contain("Backfill").And.Contain($"{fixture.CompletedRun.RangeFrom:yyyy-MM-dd} → {fixture.CompletedRun.RangeTo:yyyy-MM-dd}")
            .And.Contain($"{fixture.CompletedRun.BusinessDate:yyyy-MM-dd}").And.Contain("test");
        rows[fixture.FailedRun.Id.ToString()].Should().Contain("<span class=\"label label-warning\">CompletedWithErrors</span>");
    }

    [Fact]
    public async Task RunList_ShowsOnlyTheRequestedPage_WhenFromAndCountAreGiven()
    {
        var (status, html) = await GetAsync("/hangfire/runs?from=1&count=1");

        status.Should().Be(HttpStatusCode.OK);
        RunRows().Matches(html).Select(m => m.Groups["id"].Value).Should().Equal(fixture.CompletedRun.Id.ToString());
    }

    [Fact]
    public async Task RunPage_ShowsPhaseProgressAndLinksEveryItemToItsJob_WhenTheRunCompleted()
    {
        var run = fixture.CompletedRun.Id;

        var (status, html) = await GetAsync($"/hangfire/runs/{run}");

        status.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("<span class=\"label label-success\">Completed</span>").And.Contain("P&amp;L and snapshot");
        var phases = await TestDatabase.RowsAsync($"SELECT phase, expected FROM sigmasight.batch_phases WHERE run_id = '{run}' ORDER BY phase");
        phases.Should().HaveCount(5, "market data, symbol analytics, P&L, portfolio risk, verify");
        foreach (var (phase, expected) in phases.Select(p => p.Split('|')).Select(p => (p[0], p[1])))
        {
            html.Should().MatchRegex($"data-phase=\"{phase}\">.*?>{expected}/{expected}</td>", $"phase {phase} is done");
        }
        html.Should().Contain("1/1", "one market-data chunk and one verify item").And.Contain("20/20", "5 portfolios × 4 days")
            .And.Contain("5/5", "one risk item per portfolio");
        var jobs = await TestDatabase.RowsAsync($"SELECT hangfire_job_id FROM sigmasight.batch_items WHERE run_id = '{run}'");
        jobs.Should().HaveCount(28, "1 market-data chunk, 1 symbol-analytics chunk, 20 P&L days, 5 risk items, 1 verify");
        foreach (var job in jobs) html.Should().Contain($"<a href=\"/hangfire/jobs/details/{job}\">#{job}</a>");
        foreach (var (id, name) in (await TestDatabase.RowsAsync("SELECT id, name FROM sigmasight.portfolios")).Select(r => (r.Split('|')[0], r.Split('|')[1])))
        {
            html.Should().Contain(WebUtility.HtmlEncode("P&L · ") + $"<a href=\"/hangfire/portfolios/{id}\">{WebUtility.HtmlEncode(name)}</a>" +
                WebUtility.HtmlEncode($" · {fixture.CompletedRun.RangeFrom:yyyy-MM-dd}"));
        }
        ItemStatuses(html).Should().OnlyContain(s => s == "Succeeded");
        var fetched = await TestDatabase.RowsAsync($"""
            SELECT to_char(fetched_from, 'YYYY-MM-DD'), to_char(fetched_to, 'YYYY-MM-DD') FROM sigmasight.batch_items WHERE run_id = '{run}' AND phase = 1
            """);
        html.Should().Contain(WebUtility.HtmlEncode($" · fetched {fetched.Single().Replace("|", " to ", StringComparison.Ordinal)}"),
            "the chunk's fetched range is shown");
        html.Should().Contain("<svg id=\"run-timeline\"");
        var svg = html[html.IndexOf("<svg id=\"run-timeline\"", StringComparison.Ordinal)..(html.IndexOf("</svg>", StringComparison.Ordinal) + 6)];
        svg.Should().NotContainAny(["<span", "<div", "<p>"], "an HTML element inside the SVG ends it in the browser's parser")
            .And.MatchRegex(@"<text [^>]*>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC</text>");
        Regex.Count(html, "class=\"phase-bar\"").Should().Be(5, "one bar per phase in the timeline");
        var started = await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.batch_items WHERE run_id = '{run}' AND started_at IS NOT NULL");
        started.Should().BeGreaterThan(20);
        Regex.Count(html, "class=\"item-tick\"").Should().Be((int)started, "a tick per item that has started");
    }

    [Fact]
    public async Task RunPage_ListsTheFailedItemFirstWithItsErrorEncoded_WhenAPortfolioFailed()
    {
        var (status, html) = await GetAsync($"/hangfire/runs/{fixture.FailedRun.Id}");

        status.Should().Be(HttpStatusCode.OK);
        var statuses = ItemStatuses(html);
        statuses[0].Should().Be("Failed");
        statuses.Should().Contain("Blocked").And.Contain("Succeeded");
        statuses.SkipWhile(s => s != "Succeeded").Should().OnlyContain(s => s == "Succeeded", "unsuccessful items come first");
        var firstRow = html[html.IndexOf("<tr class=\"run-item\"", StringComparison.Ordinal)..];
        firstRow = firstRow[..firstRow.IndexOf("</tr>", StringComparison.Ordinal)];
        firstRow.Should().Contain("missing price for ZZZZ")
            .And.Contain(WebUtility.HtmlEncode(RunsPageFixture.HedgeFund))
            .And.Contain(WebUtility.HtmlEncode(RunsPageFixture.Markup))
            .And.Contain("/hangfire/jobs/details/");
        html.Should().NotContain(RunsPageFixture.Markup, "ledger text is encoded, never markup");
        html.Should().Contain("<span class=\"label label-warning\">CompletedWithErrors</span>");
    }

    [Fact]
    public async Task DashboardMenu_LinksToTheRunsPage()
    {
        var (status, html) = await GetAsync("/hangfire");

        status.Should().Be(HttpStatusCode.OK);
        html.Should().MatchRegex("<a href=\"/hangfire/runs\">\\s*Runs");
    }

    [Theory]
    [InlineData("/hangfire/runs/00000000-0000-0000-0000-000000000001")]
    [InlineData("/hangfire/runs/not-a-run")]
    public async Task RunPage_Returns404_WhenTheRunIsUnknown(string path)
    {
        var (status, html) = await GetAsync(path);

        status.Should().Be(HttpStatusCode.NotFound);
        html.Should().Contain("Run not found");
    }

    [Fact]
    public async Task PortfolioList_LinksEveryPortfolioToItsReport_WithTheLatestNavOfTheDatabase()
    {
        var (status, html) = await GetAsync("/hangfire/portfolios");

        status.Should().Be(HttpStatusCode.OK);
        var rows = await TestDatabase.RowsAsync("""
            SELECT p.id, to_char(s.equity_balance, 'FM999,999,999,990.00') FROM sigmasight.portfolios p
              JOIN LATERAL (SELECT equity_balance FROM sigmasight.portfolio_snapshots x WHERE x.portfolio_id = p.id
                             ORDER BY snapshot_date DESC LIMIT 1) s ON true
            """);
        rows.Should().HaveCount(5);
        foreach (var row in rows.Select(r => r.Split('|')))
            html.Should().Contain($"href=\"/hangfire/portfolios/{row[0]}\"").And.Contain($">{row[1]}</td>");
    }

    [Fact]
    public async Task PortfolioReport_ShowsChartsAndEveryRiskFamily_WithTheFiguresOfTheDatabase()
    {
        const string Name = "Demo Individual Investor Portfolio";
        var id = await TestDatabase.ScalarAsync<Guid>($"SELECT id FROM sigmasight.portfolios WHERE name = '{Name}'");
        var nav = await TestDatabase.ScalarAsync<string>($"""
            SELECT to_char(equity_balance, 'FM999,999,999,990.00') FROM sigmasight.portfolio_snapshots
             WHERE portfolio_id = '{id}' ORDER BY snapshot_date DESC LIMIT 1
            """);
        var asOf = await TestDatabase.ScalarAsync<DateOnly>($"SELECT max(as_of) FROM sigmasight.analytic_results WHERE portfolio_id = '{id}'");
        var scenarios = await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.stress_results WHERE portfolio_id = '{id}' AND as_of = '{asOf:yyyy-MM-dd}'");

        var (status, html) = await GetAsync($"/hangfire/portfolios/{id}");

        status.Should().Be(HttpStatusCode.OK);
        html.Should().Contain($"<dd id=\"portfolio-nav\">{nav}</dd>", "the report shows the latest NAV as stored");
        html.Should().Contain("<svg id=\"equity-curve\"").And.Contain("<svg id=\"daily-pnl\"").And.Contain("<svg id=\"stress-chart\"")
            .And.Contain($"Risk as of {asOf:yyyy-MM-dd}");
        TableRows(html, "risk-families").Should().Be(8, "one row per family");
        scenarios.Should().Be(19);
        TableRows(html, "stress-table").Should().Be((int)scenarios);
        html.Should().NotContain("greeks-table", "this portfolio holds no option");

        var (_, run) = await GetAsync($"/hangfire/runs/{fixture.CompletedRun.Id}");
        run.Should().Contain($"href=\"/hangfire/portfolios/{id}\"", "each P&L item links to its portfolio's report");
        (await GetAsync($"/hangfire/portfolios/{Guid.NewGuid()}")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    private static int TableRows(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, "the page has a table {0}", id);
        var body = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        return Regex.Count(body, "<tr><td>");
    }

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var response = await fixture.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static List<string> ItemStatuses(string html) =>
        [.. ItemRows().Matches(html).Select(m => m.Groups["status"].Value)];

    [GeneratedRegex("<tr class=\"run-row\" data-run=\"(?<id>[0-9a-f-]{36})\">(?<row>.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RunRows();

    [GeneratedRegex("<tr class=\"run-item\" data-status=\"(?<status>\\w+)\">")]
    private static partial Regex ItemRows();
}
