using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Risk;

namespace SigmaSight.IntegrationTests.Risk;

/// <summary>
/// <c>migrate</c> loads the analytics reference data into real PostgreSQL: factors, stress scenarios and S&amp;P 500
/// sector weights; a second run writes nothing; an operator's edits survive. Each test starts from empty reference
/// tables and leaves them freshly seeded.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class ReferenceDataTests : IAsyncLifetime
{
    private const string Snapshot = """
        SELECT 'f', xmin::text, name, factor_type, method, etf_proxy, coalesce(spread_short_proxy, ''), display_order::text, is_active::text
          FROM sigmasight.factor_definitions
        UNION ALL
        SELECT 's', xmin::text, scenario_id, name, category, severity, shocks::text, factor_mapping::text, is_active::text
          FROM sigmasight.stress_scenarios
        UNION ALL
        SELECT 'w', xmin::text, benchmark, as_of::text, sector, weight::text, source, '', '' FROM sigmasight.sector_benchmark_weights
        ORDER BY 1, 3, 4, 5
        """;

    public async ValueTask InitializeAsync()
    {
        await BatchTestHost.PrepareDatabaseAsync();
        await TestDatabase.ExecuteAsync($"TRUNCATE {string.Join(", ", TestDatabase.ReferenceTables.Select(t => "sigmasight." + t))} CASCADE");
    }

    public async ValueTask DisposeAsync() => await BatchTestHost.RestoreReferenceDataAsync();

    private static async Task<ReferenceDataChanges> MigrateAsync()
    {
        using var host = BatchTestHost.BuildClient();
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Migrate_Loads13Factors22ScenariosAnd11SectorWeights_WhenTheTablesAreEmpty()
    {
        var changes = await MigrateAsync();

        changes.Should().Be(new ReferenceDataChanges(13, 22, 11, 0));
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.factor_definitions")).Should().Be(13);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.factor_definitions WHERE is_active")).Should().Be(12);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.stress_scenarios")).Should().Be(22);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.stress_scenarios WHERE is_active")).Should().Be(19);
        (await TestDatabase.RowsAsync("SELECT sector FROM sigmasight.sector_benchmark_weights WHERE benchmark = 'SP500' AND as_of = '2025-11-28'"))
            .Should().BeEquivalentTo(GicsSectors.All);
        (await TestDatabase.ScalarAsync<double>("SELECT sum(weight) FROM sigmasight.sector_benchmark_weights WHERE benchmark = 'SP500'"))
            .Should().BeApproximately(1.0, 1e-9);
        (await TestDatabase.ScalarAsync<string>("""
            SELECT shocks ->> 'Low_Volatility' || ' ' || (factor_mapping -> 'Interest_Rate' ->> 'exposure') || ' '
                   || (factor_mapping -> 'Interest_Rate' ->> 'unit')
              FROM sigmasight.stress_scenarios WHERE scenario_id = 'liquidity_crisis'
            """)).Should().Be("-0.3 IR Beta yield_change", "shocks and the factor mapping are queryable jsonb");
    }

    [Fact]
    public async Task Migrate_ChangesNoRow_WhenRunTwice()
    {
        await MigrateAsync();
        var before = await TestDatabase.RowsAsync(Snapshot);

        var changes = await MigrateAsync();

        changes.None.Should().BeTrue();
        (await TestDatabase.RowsAsync(Snapshot)).Should().Equal(before, "no row is inserted, updated or rewritten (xmin unchanged)");
        before.Should().HaveCount(13 + 22 + 11);
    }

    [Fact]
    public async Task Migrate_KeepsAnOperatorsScenarioAndFactorEdits_AndRestoresADeletedScenario()
    {
        await MigrateAsync();
        await TestDatabase.ExecuteAsync("UPDATE sigmasight.stress_scenarios SET is_active = false WHERE scenario_id = 'market_down_5'");
        await TestDatabase.ExecuteAsync("UPDATE sigmasight.stress_scenarios SET is_active = true, shocks = '{\"Market\": -0.5}' WHERE scenario_id = 'financial_crisis_2008'");
        await TestDatabase.ExecuteAsync("UPDATE sigmasight.factor_definitions SET is_active = false WHERE name = 'Size Spread'");
        await TestDatabase.ExecuteAsync("DELETE FROM sigmasight.stress_scenarios WHERE scenario_id = 'rates_up_25bp'");

        var changes = await MigrateAsync();

        changes.Should().Be(new ReferenceDataChanges(0, 1, 0, 0));
        (await TestDatabase.RowsAsync("""
            SELECT scenario_id, is_active, shocks::text FROM sigmasight.stress_scenarios
             WHERE scenario_id IN ('market_down_5', 'financial_crisis_2008', 'rates_up_25bp') ORDER BY 1
            """)).Should().Equal(
            "financial_crisis_2008|True|{\"Market\": -0.5}", "market_down_5|False|{\"Market\": -0.05}",
            "rates_up_25bp|True|{\"Interest_Rate\": 0.0025}");
        (await TestDatabase.ScalarAsync<bool>("SELECT is_active FROM sigmasight.factor_definitions WHERE name = 'Size Spread'"))
            .Should().BeFalse("an operator's deactivation is not overwritten");
    }

    [Fact]
    public async Task Migrate_RestoresThePublishedSectorWeights_WhenARowWasChanged()
    {
        await MigrateAsync();
        await TestDatabase.ExecuteAsync("UPDATE sigmasight.sector_benchmark_weights SET weight = 0.5 WHERE sector = 'Energy'");

        var changes = await MigrateAsync();

        changes.Should().Be(new ReferenceDataChanges(0, 0, 0, 1));
        (await TestDatabase.ScalarAsync<double>("SELECT weight FROM sigmasight.sector_benchmark_weights WHERE sector = 'Energy'"))
            .Should().Be(0.027944);
    }
}
