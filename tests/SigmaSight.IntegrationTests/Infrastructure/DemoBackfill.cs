using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.Service.Batches;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.IntegrationTests.Infrastructure;

/// <summary>A Completed backfill of the demo's first trading days, the starting point of the ledger repair tests.</summary>
public static class DemoBackfill
{
    /// <summary>Seeds the demo and backfills its first <paramref name="tradingDays"/> days; returns the run, its days and the first portfolio by name.</summary>
    public static async Task<(Guid RunId, List<DateOnly> Days, Guid Portfolio)> CompletedAsync(int tradingDays = 4)
    {
        await using var host = await BatchTestHost.StartAsync();
        await host.SeedDemoAsync();
        var (days, portfolio) = await host.WithScopeAsync(async s =>
        {
            var calendar = await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None);
            var db = s.GetRequiredService<SigmaSightDbContext>();
            var inception = await db.Portfolios.MinAsync(p => p.InceptionDate);
            var id = await db.Portfolios.OrderBy(p => p.Name).Select(p => p.Id).FirstAsync();
            return (calendar.TradingDays(inception, calendar.AddTradingDays(inception, tradingDays - 1)).ToList(), id);
        });
        var run = await host.WaitAsync((await host.StartBackfillAsync(days[0], days[^1])).RunId);
        run.Status.Should().Be(RunStatus.Completed, run.Summary);
        return (run.Id, days, portfolio);
    }
}
