using System.Net;
using System.Text.Json;
using SigmaSight.IntegrationTests.Api;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.NewUser;

/// <summary>
/// Issue 9 point 7, portfolios: <c>portfolios [--json]</c> and <c>GET /api/portfolios</c> list every portfolio with its
/// latest snapshot; a name is matched in any case, an ambiguous or unknown one is refused naming it; <c>db.sh psql</c>
/// puts schema sigmasight on the search path.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class PortfolioListingTests : IAsyncLifetime
{
    private static readonly Guid Alpha = Guid.Parse("0a000000-0000-0000-0000-00000000000a");
    private static readonly Guid AlphaUpper = Guid.Parse("0a000000-0000-0000-0000-0000000000aa");
    private static readonly Guid Beta = Guid.Parse("0b000000-0000-0000-0000-00000000000b");
    private static readonly Guid Run = Guid.Parse("0c000000-0000-0000-0000-00000000000c");
    private static readonly Dictionary<string, string> NoSettings = [];
    private WebTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await WebTestHost.StartAsync();
        await TestDatabase.ExecuteAsync($"""
            INSERT INTO sigmasight.portfolios (id, name, owner, currency, inception_date, is_active, created_at) VALUES
              ('{Alpha}', 'Alpha Fund', 'ann@example.com', 'USD', '2026-09-01', true, now()),
              ('{AlphaUpper}', 'ALPHA FUND', 'bob@example.com', 'USD', '2026-09-02', true, now()),
              ('{Beta}', 'Beta Fund', 'cy@example.com', 'EUR', '2026-10-01', false, now());
            INSERT INTO sigmasight.batch_runs (id, business_date, kind, scope, range_from, range_to, status, requested_by, trigger_time, created_at)
              VALUES ('{Run}', '2026-10-02', 'Backfill', 'all', '2026-10-01', '2026-10-02', 'Completed', 'test', now(), now());
            INSERT INTO sigmasight.portfolio_snapshots (id, portfolio_id, snapshot_date, equity_balance, cash_value, daily_pnl,
                cumulative_pnl, daily_realized_pnl, cumulative_realized_pnl, daily_capital_flow, cumulative_capital_flow, long_value,
                short_value, gross_exposure, net_exposure, num_positions, num_long_positions, num_short_positions, stale_price_count,
                run_id, created_at)
            SELECT gen_random_uuid(), '{Beta}', d, nav, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '{Run}', now()
              FROM (VALUES ('2026-10-01'::date, 1000000.00), ('2026-10-02'::date, 1012345.67)) AS s(d, nav);
            """);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PortfoliosVerbAndApi_ListEveryPortfolioInNameOrder_WithItsLatestSnapshot()
    {
        var (code, output) = await ServiceProcess.RunAsync(NoSettings, "portfolios", "--json");
        var (table, text) = await ServiceProcess.RunAsync(NoSettings, "portfolios");
        using var client = _host.Client();
        var (status, api) = await client.GetJsonAsync("/api/portfolios");

        code.Should().Be(0, output);
        var cli = JsonDocument.Parse(output).RootElement;
        status.Should().Be(HttpStatusCode.OK);
        foreach (var listed in new[] { cli, api })
        {
            listed.EnumerateArray().Select(p => p.GetProperty("name").GetString()).Should().Equal("ALPHA FUND", "Alpha Fund", "Beta Fund");
            var beta = listed[2];
            beta.GetProperty("id").GetGuid().Should().Be(Beta);
            beta.GetProperty("owner").GetString().Should().Be("cy@example.com");
            beta.GetProperty("inceptionDate").GetString().Should().Be("2026-10-01");
            beta.GetProperty("isActive").GetBoolean().Should().BeFalse();
            beta.GetProperty("latestSnapshotDate").GetString().Should().Be("2026-10-02");
            beta.GetProperty("latestNav").GetDecimal().Should().Be(1012345.67m);
            listed[0].GetProperty("latestSnapshotDate").ValueKind.Should().Be(JsonValueKind.Null);
        }
        table.Should().Be(0, text);
        text.Should().MatchRegex($@"{Beta}\s+Beta Fund\s+cy@example.com\s+2026-10-01\s+2026-10-02\s+1,012,345.67 EUR  \(inactive\)");
    }

    [Fact]
    public async Task PortfolioNames_AreMatchedInAnyCase_AndAnAmbiguousOrUnknownNameIsRefused()
    {
        var (anyCase, found) = await ServiceProcess.RunAsync(NoSettings, "risk", "--portfolio", "beta FUND");
        var (exact, exactly) = await ServiceProcess.RunAsync(NoSettings, "risk", "--portfolio", "Alpha Fund");
        var (ambiguous, refusal) = await ServiceProcess.RunAsync(NoSettings, "risk", "--portfolio", "alpha fund");
        var (unknown, missing) = await ServiceProcess.RunAsync(NoSettings, "risk", "--portfolio", "Gamma_%");

        anyCase.Should().Be(64, found);
        found.Should().Contain("portfolio 'beta FUND' has no risk analytics yet", "the name was found, in another case");
        exact.Should().Be(64, exactly);
        exactly.Should().Contain("portfolio 'Alpha Fund' has no risk analytics yet", "an exact name wins over other cases");
        ambiguous.Should().Be(64, refusal);
        refusal.Should().Contain($"portfolio 'alpha fund' is ambiguous: it matches 'ALPHA FUND' ({AlphaUpper}), 'Alpha Fund' ({Alpha})");
        unknown.Should().Be(64, missing);
        missing.Should().Contain("portfolio 'Gamma_%' does not exist (give its id or name; the portfolios verb lists them)");
    }

    [Fact]
    public async Task DbShPsql_PutsSchemaSigmasightOnTheSearchPath()
    {
        var (code, stdout, stderr) = await ScriptProcess.RunAsync("db.sh",
            new Dictionary<string, string> { ["SIGMASIGHT_DB"] = TestDatabase.ConnectionString }, "psql", "-tA", "-c",
            "SELECT string_agg(name, ',' ORDER BY name) FROM portfolios");

        code.Should().Be(0, stderr);
        stdout.Trim().Should().Be("ALPHA FUND,Alpha Fund,Beta Fund");
    }
}
