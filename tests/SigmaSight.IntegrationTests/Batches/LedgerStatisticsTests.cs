using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.Persistence;

namespace SigmaSight.IntegrationTests.Batches;

/// <summary>
/// A large plan refreshes the ledger's statistics before its starter enqueues: PostgreSQL then knows the run has its
/// items, instead of taking it for one item from statistics taken while the ledger was empty (which made the starter's
/// per-chain statements read every item of the phase, growing with the square of the portfolios).
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class LedgerStatisticsTests : IAsyncLifetime
{
    private const int Planned = 1_500;
    private BatchTestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await BatchTestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task LargePlan_RefreshesTheLedgerStatistics_SmallPlanLeavesThem()
    {
        await _host.SeedDemoAsync();
        var (portfolioId, day) = await _host.WithScopeAsync(async s =>
        {
            var portfolio = await s.GetRequiredService<SigmaSightDbContext>().Portfolios.OrderBy(p => p.Name).FirstAsync();
            return (portfolio.Id, portfolio.InceptionDate);
        });
        var runId = await _host.AddFinishedRunAsync("ledger-statistics-test", day);
        // The statistics of an empty ledger, as a new database has them when its first large run is planned.
        await TestDatabase.ExecuteAsync("ANALYZE sigmasight.batch_items");
        var items = Enumerable.Range(0, Planned).Select(i => new PlannedItem($"stats:{i:D5}", portfolioId, day)).ToList();
        await _host.WithScopeAsync(s => PlannedItems.InsertAsync(s.GetRequiredService<SigmaSightDbContext>(), runId,
            BatchPhases.Pnl, items, CancellationToken.None));

        (await EstimatedItemsAsync(runId)).Should().BeLessThan(Planned / 10, "the statistics were taken before the plan");
        (await RefreshAsync(LedgerStatistics.AnalyzeFromItems - 1)).Should().BeFalse();
        (await EstimatedItemsAsync(runId)).Should().BeLessThan(Planned / 10, "a small plan does not analyze the ledger");

        (await RefreshAsync(Planned)).Should().BeTrue();
        (await EstimatedItemsAsync(runId)).Should().BeGreaterThan(Planned / 2, "the refreshed statistics know the run's items");
    }

    private Task<bool> RefreshAsync(int planned) =>
        _host.WithScopeAsync(s => LedgerStatistics.RefreshAsync(s.GetRequiredService<SigmaSightDbContext>(), planned, CancellationToken.None));

    /// <summary>The rows PostgreSQL's planner expects for the run's phase-3 items.</summary>
    private static async Task<double> EstimatedItemsAsync(Guid runId)
    {
        var plan = await TestDatabase.ScalarAsync<string>(
            $"EXPLAIN (FORMAT JSON) SELECT * FROM sigmasight.batch_items WHERE run_id = '{runId}' AND phase = {BatchPhases.Pnl}");
        using var json = JsonDocument.Parse(plan);
        return json.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
    }
}
