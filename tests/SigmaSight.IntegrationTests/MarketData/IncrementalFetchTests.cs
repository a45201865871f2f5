using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Api;
using SigmaSight.Service.Batches;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.MarketData.Synthetic;
using SigmaSight.Service.Persistence;

namespace SigmaSight.IntegrationTests.MarketData;

/// <summary>
/// Issue 8, point 4: phase 1 fetches only what is missing. After a backfill, the next day's run asks the provider for
/// that day only for every symbol with its history stored, from the day after its last stored close for a symbol that
/// lags, and for the whole history window for a symbol with nothing stored; the chunk's item stores the fetched range.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class IncrementalFetchTests
{
    private static readonly string[] New = ["JPM"];
    private static readonly string[] Lagging = ["MSFT"];

    [Fact]
    public async Task NextDay_AsksForThatDayOnly_ButALaggingSymbolFromItsLastCloseAndANewOneForTheWholeWindow()
    {
        RecordingProvider.Requests.Clear();
        await using var host = await BatchTestHost.StartAsync(configureServices: s =>
            s.Replace(ServiceDescriptor.Scoped<IMarketDataProvider, RecordingProvider>()));
        await host.SeedDemoAsync();
        var (calendar, days) = await host.WithScopeAsync(async s =>
        {
            var calendar = await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None);
            var inception = await s.GetRequiredService<SigmaSightDbContext>().Portfolios.MinAsync(p => p.InceptionDate);
            return (calendar, calendar.TradingDays(inception, calendar.AddTradingDays(inception, 4)).ToList());
        });
        var first = await host.WaitAsync((await host.StartBackfillAsync(days[0], days[3])).RunId);
        first.Status.Should().Be(RunStatus.Completed, first.Summary);
        // JPM as if new (nothing stored), MSFT lagging (its last two closes before the next day are gone).
        await TestDatabase.ExecuteAsync("DELETE FROM sigmasight.prices WHERE symbol = 'JPM'");
        await TestDatabase.ExecuteAsync($"DELETE FROM sigmasight.prices WHERE symbol = 'MSFT' AND date >= '{days[2]:yyyy-MM-dd}'");
        RecordingProvider.Requests.Clear();

        var next = await host.WaitAsync((await host.StartBackfillAsync(days[4], days[4])).RunId);

        next.Status.Should().Be(RunStatus.Completed, next.Summary);
        var requests = RecordingProvider.Requests.OrderBy(r => r.From).ToList();
        requests.Should().HaveCount(3);
        var window = requests[0].From;
        requests[0].Should().Match<(DateOnly From, IReadOnlyList<string> Symbols, DateOnly To)>(
            r => r.To == days[4] && r.Symbols.SequenceEqual(New), "a new symbol gets the whole window");
        calendar.TradingDays(window, days[4]).Should().HaveCountGreaterThanOrEqualTo(300, "Analytics:HistoryTradingDays closes up to the day");
        requests[1].Should().Match<(DateOnly From, IReadOnlyList<string> Symbols, DateOnly To)>(
            r => r.From == days[2] && r.To == days[4] && r.Symbols.SequenceEqual(Lagging), "from the day after its last stored close");
        requests[2].From.Should().Be(days[4], "every other symbol is asked for the new day only");
        requests[2].Symbols.Should().HaveCount(53).And.NotContain(New).And.NotContain(Lagging);
        (await TestDatabase.RowsAsync($"""
            SELECT to_char(fetched_from, 'YYYY-MM-DD'), to_char(fetched_to, 'YYYY-MM-DD') FROM sigmasight.batch_items
             WHERE run_id = '{next.Id}' AND phase = 1
            """)).Should().Equal($"{window:yyyy-MM-dd}|{days[4]:yyyy-MM-dd}");
        (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.prices WHERE symbol = 'JPM' AND date <= '{days[4]:yyyy-MM-dd}'"))
            .Should().Be(calendar.TradingDays(window, days[4]).Count(), "JPM's whole window is stored again");
        var item = await host.WithScopeAsync(async s => ItemView.Of(await s.GetRequiredService<SigmaSightDbContext>().BatchItems
            .SingleAsync(i => i.RunId == next.Id && i.Phase == 1)));
        (item.FetchedFrom, item.FetchedTo).Should().Be((window, days[4]), "the API's item shows the fetched range");
    }

    /// <summary>The demo's synthetic market, recording what each chunk asks for.</summary>
    private sealed class RecordingProvider(SyntheticMarketDataProvider inner) : IMarketDataProvider
    {
        public static ConcurrentQueue<(DateOnly From, IReadOnlyList<string> Symbols, DateOnly To)> Requests { get; } = new();

        public string Source => inner.Source;

        public Task<IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>>> GetClosesAsync(
            IReadOnlyCollection<string> symbols, DateOnly firstDate, DateOnly lastDate, CancellationToken cancellationToken)
        {
            Requests.Enqueue((firstDate, [.. symbols.Order(StringComparer.Ordinal)], lastDate));
            return inner.GetClosesAsync(symbols, firstDate, lastDate, cancellationToken);
        }

        public Task<IReadOnlyList<SecurityReference>> GetSecuritiesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken) =>
            inner.GetSecuritiesAsync(symbols, cancellationToken);
    }
}
