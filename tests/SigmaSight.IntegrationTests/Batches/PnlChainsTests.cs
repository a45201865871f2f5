using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.Persistence;

namespace SigmaSight.IntegrationTests.Batches;

/// <summary>
/// The phase-4 starter's read of where each P&amp;L chain of a run stands (issue 10: cost must not grow with history):
/// each portfolio's last day's job and whether every day succeeded, from this run's items only, in one pass over them.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class PnlChainsTests : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 10, 30);
    private BatchTestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await BatchTestHost.StartAsync(withServers: false);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task EachChain_IsItsLastDaysJob_AndWhetherItAllSucceeded_FromThisRunOnly()
    {
        var (done, failed, unrecorded) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var earlier = await _host.AddFinishedRunAsync("pnl-chains-earlier", Day);
        var run = await _host.AddFinishedRunAsync("pnl-chains", Day);
        await TestDatabase.ExecuteAsync($"""
            INSERT INTO sigmasight.batch_items (run_id, phase, item_key, status, attempts, late_success, portfolio_id, item_date, hangfire_job_id)
            VALUES ('{run}', 3, 'done:1', 'Succeeded', 1, false, '{done}', '{Day.AddDays(-1):yyyy-MM-dd}', '101'),
                   ('{run}', 3, 'done:2', 'Succeeded', 1, false, '{done}', '{Day:yyyy-MM-dd}', '102'),
                   ('{run}', 3, 'failed:1', 'Failed', 1, false, '{failed}', '{Day.AddDays(-1):yyyy-MM-dd}', '201'),
                   ('{run}', 3, 'failed:2', 'Blocked', 0, false, '{failed}', '{Day:yyyy-MM-dd}', '202'),
                   ('{run}', 3, 'unrecorded:1', 'Pending', 0, false, '{unrecorded}', '{Day:yyyy-MM-dd}', NULL),
                   ('{run}', 2, 'symbols:1', 'Succeeded', 1, false, NULL, NULL, '301'),
                   ('{run}', 4, 'risk:done', 'Pending', 0, false, '{done}', '{Day:yyyy-MM-dd}', NULL),
                   ('{earlier}', 3, 'done:later', 'Failed', 1, false, '{done}', '{Day.AddDays(7):yyyy-MM-dd}', '999')
            """);

        var chains = await _host.WithScopeAsync(s => PnlChains.ReadAsync(s.GetRequiredService<SigmaSightDbContext>(), run, CancellationToken.None));

        chains.Should().BeEquivalentTo(new Dictionary<Guid, PnlChains.Chain>
        {
            [done] = new(done, "102", true),
            [failed] = new(failed, "202", false),
            [unrecorded] = new(unrecorded, null, false),
        });
    }

    [Fact]
    public async Task TheRead_TouchesAFewPagesPerItemOfTheRun_WhateverTheLedgerHoldsOfEarlierRuns()
    {
        const int portfolios = 300, earlierRuns = 30;
        var run = await _host.AddFinishedRunAsync("pnl-chains-cost", Day);
        await ItemsAsync(run, portfolios);
        for (var i = 0; i < earlierRuns; i++) await ItemsAsync(await _host.AddFinishedRunAsync($"pnl-chains-cost-{i}", Day), portfolios);
        await TestDatabase.ExecuteAsync("ANALYZE sigmasight.batch_items");

        var plan = await TestDatabase.ScalarAsync<string>("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " +
            PnlChains.Sql.Replace("@run", $"'{run}'::uuid", StringComparison.Ordinal)
                .Replace("@phase", BatchPhases.Pnl.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        using var json = JsonDocument.Parse(plan);
        var top = json.RootElement[0].GetProperty("Plan");
        var pages = top.GetProperty("Shared Hit Blocks").GetInt64() + top.GetProperty("Shared Read Blocks").GetInt64();

        top.GetProperty("Actual Rows").GetInt64().Should().Be(portfolios);
        pages.Should().BeLessThan(portfolios / 2,
            $"one pass over the run's {portfolios} chains, not a search of the phase or of {earlierRuns} earlier runs per portfolio");
    }

    /// <summary>The same portfolios' P&amp;L days in every run (ids from the portfolio's number), and a few symbol chunks.</summary>
    private static Task<int> ItemsAsync(Guid run, int portfolios) => TestDatabase.ExecuteAsync($"""
        INSERT INTO sigmasight.batch_items (run_id, phase, item_key, status, attempts, late_success, portfolio_id, item_date, hangfire_job_id)
        SELECT '{run}'::uuid, 3, 'pnl:' || p || ':' || d, 'Succeeded', 1, false, ('00000000-0000-0000-0000-' || lpad(p::text, 12, '0'))::uuid,
               '{Day:yyyy-MM-dd}'::date - d, (p * 10 + d)::text
          FROM generate_series(1, {portfolios}) p, generate_series(0, 1) d
        UNION ALL
        SELECT '{run}'::uuid, 2, 'symbols:' || c, 'Succeeded', 1, false, NULL::uuid, NULL::date, NULL FROM generate_series(1, 5) c
        """);
}
