using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.IntegrationTests.Risk;

/// <summary>
/// A backfill computes phases 2 and 4 for its last day by default and for every trading day with
/// <c>--analytics all</c>; a last-day run does not answer a request for every day's analytics.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class AnalyticsAllDatesTests
{
    [Fact]
    public async Task BackfillWithAnalyticsAll_HasEveryFamilyOnEveryDay_AndSupersedesALastDayRun()
    {
        await using var host = await BatchTestHost.StartAsync();
        await host.SeedDemoAsync();
        var days = await host.WithScopeAsync(async s =>
        {
            var calendar = await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None);
            var inception = await s.GetRequiredService<SigmaSightDbContext>().Portfolios.MinAsync(p => p.InceptionDate);
            return calendar.TradingDays(inception, BusinessDate.Resolve(host.Now, calendar)).ToList();
        });
        var lastOnly = await host.WaitAsync((await host.StartBackfillAsync(days[0], days[^1])).RunId);
        lastOnly.Status.Should().Be(RunStatus.Completed, lastOnly.Summary);
        (await TestDatabase.ScalarAsync<long>("SELECT count(DISTINCT as_of) FROM sigmasight.analytic_results")).Should().Be(1);

        var all = await host.WithScopeAsync(s => s.GetRequiredService<RunStarter>().StartAsync(
            new RunRequest(RunKind.Backfill, days[0], days[^1], RunScope.All, "test", host.Now, AnalyticsAllDates: true), CancellationToken.None));
        var run = await host.WaitAsync(all.RunId);

        all.Joined.Should().BeFalse("the completed run computed the last day's analytics only");
        run.Status.Should().Be(RunStatus.Completed, run.Summary);
        run.Summary.Should().Contain($"analytics for {days.Count} days through {days[^1]:yyyy-MM-dd}");
        (await TestDatabase.RowsAsync("SELECT as_of, count(*) FROM sigmasight.analytic_results GROUP BY 1 ORDER BY 1"))
            .Should().HaveCount(days.Count).And.OnlyContain(r => r.EndsWith("|40", StringComparison.Ordinal), "5 portfolios × 8 families each day");
        (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.batch_items WHERE run_id = '{run.Id}' AND phase = 4"))
            .Should().Be(5 * days.Count);

        var hedgeFund = await TestDatabase.ScalarAsync<Guid>("SELECT id FROM sigmasight.portfolios WHERE name = 'Demo Hedge Fund Style Investor Portfolio'");
        var recompute = await host.WaitAsync((await host.StartRecomputeAsync(hedgeFund, days[^3], days[^1])).RunId);

        recompute.Status.Should().Be(RunStatus.Completed, recompute.Summary);
        recompute.PlannedAnalyticsDates.Should().Equal([days[^3], days[^2], days[^1]],
            "the recompute deleted the analytics of its earlier days, so it recomputes them");
        (await TestDatabase.RowsAsync($"""
                SELECT as_of, count(*) FROM sigmasight.analytic_results
                 WHERE portfolio_id = '{hedgeFund}' AND as_of >= '{days[^3]:yyyy-MM-dd}' AND run_id = '{recompute.Id}' GROUP BY 1
                """))
            .Should().HaveCount(3).And.OnlyContain(r => r.EndsWith("|8", StringComparison.Ordinal), "every invalidated day is recomputed");
    }
}
