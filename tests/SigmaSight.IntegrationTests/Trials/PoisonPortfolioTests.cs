using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.IntegrationTests.Trials;

/// <summary>
/// Issue 7, point 4: one portfolio whose job throws every time — a lot in a symbol no provider knows, so there is
/// never a close to value it — is isolated: the other portfolios' days and risk are all written, the run ends
/// CompletedWithErrors naming the portfolio, the symbol and the day, within the retry policy's time.
/// </summary>
[Collection(SharedDatabase.Name)]
[Trait("Category", "Trials")]
public sealed class PoisonPortfolioTests
{
    [Fact]
    public async Task APortfolioThatFailsEveryTime_IsIsolated_AndNamedInTheVerdict()
    {
        var settings = new Dictionary<string, string?> { ["Batch:RetryDelaysSeconds:0"] = "0", ["Batch:RetryDelaysSeconds:1"] = "1" };
        await using var host = await BatchTestHost.StartAsync(settings: settings);
        await host.SeedDemoAsync();
        var (days, poisoned, name) = await host.WithScopeAsync(async s =>
        {
            var calendar = await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None);
            var db = s.GetRequiredService<SigmaSightDbContext>();
            var inception = await db.Portfolios.MinAsync(p => p.InceptionDate);
            var portfolio = await db.Portfolios.OrderBy(p => p.Name).Skip(1).FirstAsync();
            return (calendar.TradingDays(inception, calendar.AddTradingDays(inception, 4)).ToList(), portfolio.Id, portfolio.Name);
        });
        await TestDatabase.ExecuteAsync($"""
            INSERT INTO sigmasight.positions (id, portfolio_id, symbol, position_type, investment_class, quantity, entry_price, entry_date, lot_index)
            VALUES (gen_random_uuid(), '{poisoned}', 'POISON', 'LONG', 'PUBLIC', 100, 10, '{days[0]:yyyy-MM-dd}', 0)
            """);

        var clock = Stopwatch.StartNew();
        var run = await host.WaitAsync((await host.StartBackfillAsync(days[0], days[^1])).RunId);
        var elapsed = clock.Elapsed;

        run.Status.Should().Be(RunStatus.CompletedWithErrors, run.Summary);
        run.Summary.Should().Contain(name).And.Contain("POISON");
        var others = await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.portfolios WHERE id <> '{poisoned}'");
        (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.portfolio_snapshots WHERE portfolio_id <> '{poisoned}'"))
            .Should().Be(others * days.Count, "every other portfolio has every day");
        (await TestDatabase.ScalarAsync<long>($"""
            SELECT count(*) FROM sigmasight.batch_items WHERE run_id = '{run.Id}' AND status <> 'Succeeded'
               AND (portfolio_id IS NULL OR portfolio_id <> '{poisoned}')
            """)).Should().Be(0, "nothing else failed or was blocked");
        var failed = await TestDatabase.RowsAsync($"""
            SELECT item_key, status, attempts, error FROM sigmasight.batch_items
             WHERE run_id = '{run.Id}' AND portfolio_id = '{poisoned}' AND status <> 'Succeeded' ORDER BY phase, item_date
            """);
        failed[0].Should().Contain("|Failed|").And.Contain("POISON").And.Contain($"{days[0]:yyyy-MM-dd}");
        failed.Skip(1).Should().OnlyContain(r => r.Contains("|Blocked|", StringComparison.Ordinal));
        await TrialLog.WriteAsync("poison", $"poisoned portfolio {name}: run {run.Status} in {elapsed.TotalSeconds:F1} s; " +
            $"{failed.Count} items not succeeded ({failed[0]}); summary: {run.Summary}");
        elapsed.Should().BeLessThan(TimeSpan.FromMinutes(2), "the retry policy (0 s, 1 s) bounds the time");
    }
}
