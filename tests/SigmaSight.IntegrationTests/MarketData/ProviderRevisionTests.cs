using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.MarketData.Synthetic;

namespace SigmaSight.IntegrationTests.MarketData;

/// <summary>
/// A vendor that revises a close after the snapshots were valued with it: the run that fetches the revision stores
/// it, says so in a <c>revised</c> finding, and rebuilds from that day exactly the portfolios that held the symbol, so
/// no snapshot keeps a close that is no longer stored. Before, the close was overwritten in silence and the snapshots
/// kept the old one.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class ProviderRevisionTests
{
    private const decimal Revision = 1.25m;

    [Fact]
    public async Task RunThatFetchesARevisedClose_RebuildsItsHolders_AndReportsTheRevision()
    {
        BatchTestHost? host = null;
        DateOnly? revisedDay = null;
        await using var vendor = await HttpProviderRunTests.StartVendorAsync(async (symbol, from, to, _) =>
        {
            if (symbol != "AAPL") return (404, "{}");
            var closes = await host!.WithScopeAsync(s => s.GetRequiredService<SyntheticMarketDataProvider>()
                .GetClosesAsync([symbol], from, to, CancellationToken.None));
            var rows = closes[symbol].OrderByDescending(c => c.Key).Select(c => new Dictionary<string, object>
            {
                ["date"] = c.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["close"] = c.Key == revisedDay ? c.Value + Revision : c.Value,
            });
            return (200, JsonSerializer.Serialize(new Dictionary<string, object> { ["symbol"] = symbol, ["historical"] = rows }));
        }, new ConcurrentDictionary<string, ConcurrentQueue<string>>(StringComparer.Ordinal));
        host = await HttpProviderRunTests.StartHostAsync(vendor, new CapturedLogs());
        await using (host)
        {
            var days = await HttpProviderRunTests.SeedAsync(host);
            var first = await host.WaitAsync((await host.StartBackfillAsync(days[0], days[3])).RunId);
            first.Status.Should().Be(RunStatus.Completed, first.Summary);
            var oldClose = await CloseAsync(days[3]);
            var holders = await TestDatabase.RowsAsync($"""
                SELECT DISTINCT p.name FROM sigmasight.position_values v JOIN sigmasight.positions x ON x.id = v.position_id
                  JOIN sigmasight.portfolios p ON p.id = v.portfolio_id
                 WHERE coalesce(x.underlying_symbol, x.symbol) = 'AAPL' AND v.value_date = '{days[3]:yyyy-MM-dd}' ORDER BY 1
                """);
            holders.Should().NotBeEmpty("the demo holds AAPL");

            revisedDay = days[3];
            var second = await host.WaitAsync((await host.StartBackfillAsync(days[0], days[3], force: true)).RunId);

            second.Status.Should().Be(RunStatus.Completed, second.Summary);
            (await CloseAsync(days[3])).Should().Be(oldClose + Revision);
            (await TestDatabase.RowsAsync($"""
                SELECT f.severity, f.symbol, to_char(f.business_date, 'YYYY-MM-DD'), f.detail FROM sigmasight.data_quality_findings f
                 WHERE f.run_id = '{second.Id}' AND f.kind = '{RevisedCloseFindings.Kind}'
                """)).Should().Equal(string.Create(CultureInfo.InvariantCulture,
                $"warning|AAPL|{days[3]:yyyy-MM-dd}|the provider fmp revised the stored close of AAPL on {days[3]:yyyy-MM-dd}: " +
                $"{oldClose} -> {oldClose + Revision}; the portfolios whose snapshots used the old close are rebuilt from that day"));
            (await TestDatabase.RowsAsync($"""
                SELECT DISTINCT p.name FROM sigmasight.batch_items i JOIN sigmasight.portfolios p ON p.id = i.portfolio_id
                 WHERE i.run_id = '{second.Id}' AND i.phase = {BatchPhases.Pnl} AND i.item_date = '{days[3]:yyyy-MM-dd}' ORDER BY 1
                """)).Should().Equal(holders, "exactly the portfolios that held AAPL on the revised day are rebuilt");
            (await TestDatabase.ScalarAsync<long>($"""
                SELECT count(*) FROM sigmasight.position_values v JOIN sigmasight.positions x ON x.id = v.position_id
                 WHERE x.symbol = 'AAPL' AND v.value_date = '{days[3]:yyyy-MM-dd}' AND v.price <> {(oldClose + Revision).ToString(CultureInfo.InvariantCulture)}
                """)).Should().Be(0, "every AAPL lot of that day is valued at the revised close");
            (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.snapshot_rebuilds")).Should().Be(0, "the run settled it");
        }
    }

    private static Task<decimal> CloseAsync(DateOnly day) =>
        TestDatabase.ScalarAsync<decimal>($"SELECT close FROM sigmasight.prices WHERE symbol = 'AAPL' AND date = '{day:yyyy-MM-dd}'");
}
