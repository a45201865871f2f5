using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SigmaSight.Analytics.Calendar;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Pnl;

namespace SigmaSight.IntegrationTests.Pnl;

/// <summary>
/// Issue 10: a P&amp;L day reads its closes in the same round trip as its other inputs, in the window the NYSE's rules give
/// (85 trading days for an option's underlying, 5 for any other symbol). An operator's closure in <c>market_closures</c>
/// moves that window a trading day earlier; the day must then still load every close of the exact window, as it did when
/// the closes were read after the calendar.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class PnlCloseWindowTests : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 10, 30);
    private static readonly DateOnly Closure = new(2026, 10, 29);
    private BatchTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await BatchTestHost.StartAsync(withServers: false);
        await _host.SeedDemoAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await TestDatabase.ExecuteAsync($"DELETE FROM sigmasight.market_closures WHERE date = '{Closure:yyyy-MM-dd}'");
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task ADaysCloses_AreThoseOfItsExactWindow_WithAndWithoutAnOperatorClosureInIt()
    {
        var portfolio = await TestDatabase.ScalarAsync<Guid>("SELECT id FROM sigmasight.portfolios WHERE name LIKE '%Hedge Fund%'");
        await TestDatabase.ExecuteAsync($"DELETE FROM sigmasight.market_closures WHERE date = '{Closure:yyyy-MM-dd}'");
        // A close every weekday since June for the two symbols, the closed day's too (stored before it was closed).
        await TestDatabase.ExecuteAsync($"""
            INSERT INTO sigmasight.prices (symbol, date, close, source)
            SELECT s, d::date, 100, 'test' FROM unnest(ARRAY['SPY', 'JNJ']) s, generate_series('2026-06-01'::date, '{Day:yyyy-MM-dd}', '1 day') d
            WHERE extract(isodow FROM d) < 6
            ON CONFLICT DO NOTHING
            """);

        var before = await LoadedCountsAsync(portfolio);
        before["SPY"].Should().Be(await StoredCountAsync("SPY", 85), "SPY underlies an option of the book: 85 trading days");
        before["JNJ"].Should().Be(await StoredCountAsync("JNJ", 5), "JNJ is only held as a stock: the stale window");

        await TestDatabase.ExecuteAsync($"INSERT INTO sigmasight.market_closures (date, reason) VALUES ('{Closure:yyyy-MM-dd}', 'test closure')");
        var after = await LoadedCountsAsync(portfolio);
        after["SPY"].Should().Be(await StoredCountAsync("SPY", 85)).And.Be(before["SPY"] + 1,
            "the closure moves the window a trading day earlier, and its close on the closed day stays stored");
        after["JNJ"].Should().Be(await StoredCountAsync("JNJ", 5)).And.Be(before["JNJ"] + 1);
    }

    /// <summary>The closes the loader gives each symbol of the book on <see cref="Day"/>.</summary>
    private Task<Dictionary<string, int>> LoadedCountsAsync(Guid portfolio) => _host.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<SigmaSightDbContext>();
        var loader = s.GetRequiredService<PnlInputLoader>();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var read = await PnlInputBatch.ReadAsync((NpgsqlConnection)db.Database.GetDbConnection(), LedgerItemRef.Pnl(Guid.NewGuid(), portfolio, Day),
            portfolio, Day, loader.PlannedWindow(Day), CancellationToken.None);
        var inputs = await loader.LoadAsync(read, portfolio, Day, new NyseCalendar(read.Closures), CancellationToken.None);
        return inputs.Prices.ToDictionary(p => p.Key, p => p.Value.Count);
    });

    /// <summary>Stored closes of <paramref name="symbol"/> from <paramref name="tradingDays"/> trading days before the day, by the calendar with the stored closures.</summary>
    private static async Task<int> StoredCountAsync(string symbol, int tradingDays)
    {
        var closures = await TestDatabase.RowsAsync("SELECT date::text FROM sigmasight.market_closures");
        var from = new NyseCalendar(closures.Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture)))
            .AddTradingDays(Day, -tradingDays);
        return (int)await TestDatabase.ScalarAsync<long>(
            $"SELECT count(*) FROM sigmasight.prices WHERE symbol = '{symbol}' AND date BETWEEN '{from:yyyy-MM-dd}' AND '{Day:yyyy-MM-dd}'");
    }
}
