using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.MarketData.Synthetic;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Portfolios.Demo;

namespace SigmaSight.IntegrationTests.MarketData;

/// <summary>
/// What phase 2 needs from phase 1, after a demo run on real PostgreSQL: a full securities row for every held public
/// symbol, option underlying and factor proxy, and at least 274 closes of each up to D; a symbol whose history is
/// short gets its missing earlier days, and a normal night asks the provider for the run's day only.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class AnalyticsInputsTests : IAsyncLifetime
{
    private const int RequiredCloses = 252 + 21 + 1;
    private BatchTestHost _host = null!;
    private DateOnly _inception;
    private DateOnly _last;

    public async ValueTask InitializeAsync()
    {
        RecordingProvider.Requests.Clear();
        _host = await BatchTestHost.StartAsync(configureServices: s =>
            s.Replace(ServiceDescriptor.Scoped<IMarketDataProvider, RecordingProvider>()));
        await _host.SeedDemoAsync();
        await TestDatabase.ExecuteAsync("TRUNCATE sigmasight.securities");
        (_inception, _last) = await _host.WithScopeAsync(async s =>
        {
            var calendar = await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None);
            var inception = await s.GetRequiredService<SigmaSightDbContext>().Portfolios.MinAsync(p => p.InceptionDate);
            return (inception, BusinessDate.Resolve(_host.Now, calendar));
        });
        var run = await _host.WaitAsync((await _host.StartBackfillAsync(_inception, _last)).RunId);
        run.Status.Should().Be(RunStatus.Completed, run.Summary);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static async Task<List<string>> AnalyticsSymbolsAsync() => await TestDatabase.RowsAsync("""
        SELECT DISTINCT CASE WHEN investment_class = 'OPTIONS' THEN underlying_symbol ELSE symbol END
          FROM sigmasight.positions WHERE investment_class <> 'PRIVATE'
        UNION SELECT unnest(ARRAY['SPY', 'TLT', 'VTV', 'VUG', 'MTUM', 'QUAL', 'IWM', 'USMV']) ORDER BY 1
        """);

    private Task<RunHandle> ForceNightlyAsync() => _host.WithScopeAsync(s => s.GetRequiredService<RunStarter>().StartAsync(
        new RunRequest(RunKind.Nightly, _last, _last, RunScope.All, "test", _host.Now, Force: true), CancellationToken.None));

    [Fact]
    public async Task DemoRun_WritesAFullSecuritiesRow_ForEveryPublicSymbolUnderlyingAndFactorProxy()
    {
        var symbols = await AnalyticsSymbolsAsync();
        var rows = await TestDatabase.RowsAsync("SELECT symbol, name, asset_type, sector, industry FROM sigmasight.securities ORDER BY 1");

        symbols.Should().HaveCount(55);
        rows.Select(r => r.Split('|')[0]).Should().Equal(symbols, "exactly the priced symbols: no private asset, no option");
        rows.Should().Equal(symbols.Select(s => DemoCatalog.Securities[s])
            .Select(s => $"{s.Symbol}|{s.Name}|{s.AssetType}|{s.Sector}|{s.Industry}"), "phase 1 wrote the provider's reference data");
        rows.Where(r => r.Split('|')[2] == "STOCK").Should().HaveCount(29)
            .And.OnlyContain(r => r.Split('|')[3].Length > 0 && r.Split('|')[4].Length > 0);
    }

    [Fact]
    public async Task DemoRun_LeavesEveryAnalyticsSymbolWithAtLeast274ClosesUpToD()
    {
        var counts = await TestDatabase.RowsAsync($"""
            SELECT s.symbol, count(p.date) FROM unnest(ARRAY['{string.Join("','", await AnalyticsSymbolsAsync())}']) s(symbol)
              LEFT JOIN sigmasight.prices p ON p.symbol = s.symbol AND p.date <= '{_last:yyyy-MM-dd}' GROUP BY 1
            """);

        counts.Should().HaveCount(55).And.OnlyContain(r => int.Parse(r.Split('|')[1], System.Globalization.CultureInfo.InvariantCulture) >= RequiredCloses);
    }

    [Fact]
    public async Task NextRun_FetchesOnlyTheMissingEarlierDays_WhenSomeSymbolsHistoryIsShort()
    {
        await TestDatabase.ExecuteAsync($"DELETE FROM sigmasight.prices WHERE symbol IN ('SPY', 'AAPL') AND date < '{_inception:yyyy-MM-dd}'");
        RecordingProvider.Requests.Clear();

        var run = await _host.WaitAsync((await ForceNightlyAsync()).RunId);

        run.Status.Should().Be(RunStatus.Completed, run.Summary);
        var requests = RecordingProvider.Requests.OrderBy(r => r.From).ToList();
        requests.Should().HaveCount(2);
        requests[0].Symbols.Should().Equal("AAPL", "SPY");
        requests[0].From.Should().BeBefore(_inception);
        requests[1].Should().Be((_last, requests[1].Symbols, _last), "every other symbol is asked for the run's day only");
        requests[1].Symbols.Should().HaveCount(53);
        (await TestDatabase.RowsAsync($"""
            SELECT symbol, count(*) FROM sigmasight.prices WHERE symbol IN ('SPY', 'AAPL') AND date <= '{_last:yyyy-MM-dd}' GROUP BY 1 ORDER BY 1
            """)).Should().OnlyContain(r => int.Parse(r.Split('|')[1], System.Globalization.CultureInfo.InvariantCulture) >= 300);
    }

    [Fact]
    public async Task NextRun_AsksForTheRunsDayOnly_WhenEveryHistoryIsComplete()
    {
        RecordingProvider.Requests.Clear();

        var run = await _host.WaitAsync((await ForceNightlyAsync()).RunId);

        run.Status.Should().Be(RunStatus.Completed, run.Summary);
        RecordingProvider.Requests.Should().ContainSingle().Which.Should().Match<(DateOnly From, IReadOnlyList<string> Symbols, DateOnly To)>(
            r => r.From == _last && r.To == _last && r.Symbols.Count == 55);
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

        public Task<IReadOnlyList<SecurityReference>> GetSecuritiesAsync(
            IReadOnlyCollection<string> symbols, CancellationToken cancellationToken) =>
            inner.GetSecuritiesAsync(symbols, cancellationToken);
    }
}
