using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.IntegrationTests.Risk;

/// <summary>
/// A deployment may switch factor definitions off (the Dow Jones demo keeps the market factor alone). An active stress
/// scenario that shocks a factor switched off is a configuration error: the stress family fails naming the scenario,
/// the factor and the fix, and the run says so, instead of shocking less than the scenario says.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class StressFactorModelTests
{
    [Fact]
    public async Task AScenarioShockingAFactorSwitchedOff_FailsTheStressFamily_NamingScenarioAndFactor()
    {
        await using var host = await BatchTestHost.StartAsync();
        await host.SeedDemoAsync();
        await TestDatabase.ExecuteAsync("UPDATE sigmasight.factor_definitions SET is_active = false WHERE name = 'Value'");
        try
        {
            await RunAndCheckAsync(host);
        }
        finally
        {
            await BatchTestHost.RestoreReferenceDataAsync();
        }
    }

    private static async Task RunAndCheckAsync(BatchTestHost host)
    {
        var (inception, last) = await host.WithScopeAsync(async s =>
        {
            var calendar = await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None);
            return (await s.GetRequiredService<SigmaSightDbContext>().Portfolios.MinAsync(p => p.InceptionDate),
                BusinessDate.Resolve(host.Now, calendar));
        });

        var run = await host.WaitAsync((await host.StartBackfillAsync(inception, last)).RunId);

        run.Status.Should().Be(RunStatus.CompletedWithErrors);
        run.Summary.Should().Contain($"stress on {last:yyyy-MM-dd}: stress scenario value_rotation_20 shocks Value, whose factor Value is " +
            "not active: deactivate the scenario or activate the factor");
        (await TestDatabase.RowsAsync($"""
            SELECT DISTINCT family || '|' || status FROM sigmasight.analytic_results
             WHERE as_of = '{last:yyyy-MM-dd}' AND family IN ('stress', 'factor_exposures') AND status <> 'not_applicable' ORDER BY 1
            """)).Should().Equal("factor_exposures|present", "stress|failed");
    }
}
