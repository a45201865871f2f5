using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.IntegrationTests.Risk;

/// <summary>
/// A symbol whose analytics fail (issue 6 acceptance): the run ends CompletedWithErrors naming the symbol, the
/// portfolio that holds it and the family; once the data is fixed, one re-enqueue of the failed symbol-analytics job
/// recomputes the portfolio's risk and lifts the run to Completed.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class SymbolAnalyticsFailureTests
{
    private const string HedgeFund = "Demo Hedge Fund Style Investor Portfolio";

    [Fact]
    public async Task FailedSymbol_NamesSymbolPortfolioAndFamily_AndOneReenqueueCompletesTheRun()
    {
        await using var host = await BatchTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Analytics:TestFailSymbols:0"] = "XOM" });
        await host.SeedDemoAsync();
        var (inception, last) = await host.WithScopeAsync(async s =>
        {
            var calendar = await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None);
            return (await s.GetRequiredService<SigmaSightDbContext>().Portfolios.MinAsync(p => p.InceptionDate),
                BusinessDate.Resolve(host.Now, calendar));
        });

        var run = await host.WaitAsync((await host.StartBackfillAsync(inception, last)).RunId);

        run.Status.Should().Be(RunStatus.CompletedWithErrors);
        run.Summary.Should().Contain("XOM: injected failure")
            .And.Contain($"failed analytics: {HedgeFund} factor_exposures on {last:yyyy-MM-dd}: no symbol analytics as of {last:yyyy-MM-dd} for XOM");
        (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.analytic_results WHERE as_of = '{last:yyyy-MM-dd}' AND status = 'failed'"))
            .Should().BeGreaterThan(0);
        (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.symbol_volatility WHERE as_of = '{last:yyyy-MM-dd}' AND symbol = 'AAPL'"))
            .Should().Be(1, "the chunk's other symbols are stored before the job fails");
        var failedJob = await TestDatabase.ScalarAsync<string>(
            $"SELECT hangfire_job_id FROM sigmasight.batch_items WHERE run_id = '{run.Id}' AND phase = 2 AND status = 'Failed'");

        var configuration = (IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>();
        configuration["Analytics:TestFailSymbols:0"] = "";
        configuration.Reload();
        host.Services.GetRequiredService<IBackgroundJobClient>().Requeue(failedJob).Should().BeTrue();
        var repaired = await host.WaitForStatusAsync(run.Id, RunStatus.Completed);

        repaired.Status.Should().Be(RunStatus.Completed, repaired.Summary);
        (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.analytic_results WHERE as_of = '{last:yyyy-MM-dd}' AND status = 'failed'"))
            .Should().Be(0);
        (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.symbol_factor_exposures WHERE as_of = '{last:yyyy-MM-dd}' AND symbol = 'XOM'"))
            .Should().Be(12, "XOM's figures are there after the repair: 2 OLS, 6 ridge, 4 spread factors");
    }
}
