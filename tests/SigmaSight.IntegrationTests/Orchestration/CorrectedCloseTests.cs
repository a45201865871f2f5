using System.Globalization;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.IntegrationTests.MarketData.Import;
using SigmaSight.Service.Batches;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.MarketData.Import;

namespace SigmaSight.IntegrationTests.Orchestration;

/// <summary>
/// A price import that corrects a stored close is reported, and the next run (here on the database-only provider)
/// rebuilds exactly the snapshots valued with the old close, as it does for a late close.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class CorrectedCloseTests
{
    private const string Symbol = "FCNTX";
    private const string Holder = "Demo Individual Investor Portfolio";
    private const decimal Correction = 1.25m;

    [Fact]
    public async Task NextRun_RebuildsTheSnapshotsValuedWithTheOldClose_WhenAnImportCorrectsIt()
    {
        List<DateOnly> days;
        Guid firstRun;
        decimal oldClose, newClose;
        (decimal Nav, decimal Pnl) day2Before, day3Before;
        await using (var host = await BatchTestHost.StartAsync())
        {
            await host.SeedDemoAsync();
            days = await host.FirstTradingDaysAsync(5);
            var run = await host.WaitAsync((await host.StartBackfillAsync(days[0], days[4])).RunId);
            run.Status.Should().Be(RunStatus.Completed, run.Summary);
            firstRun = run.Id;
            oldClose = await TestDatabase.ScalarAsync<decimal>($"SELECT close FROM sigmasight.prices WHERE symbol = '{Symbol}' AND date = '{days[2]:yyyy-MM-dd}'");
            newClose = oldClose + Correction;
            (day2Before, day3Before) = (await SnapshotAsync(days[2]), await SnapshotAsync(days[3]));

            var outcome = await host.ImportAsync(
                string.Create(CultureInfo.InvariantCulture, $"date,symbol,close\n{days[2]:yyyy-MM-dd},{Symbol},{newClose}\n"));

            (outcome.Updated, outcome.ClosesChanged).Should().Be((1L, 1L));
            outcome.Changes.Should().Equal(new CloseChange(Symbol, days[2], oldClose, newClose));
            outcome.Rebuilds.Select(r => (r.Portfolio, r.From)).Should().Equal([(Holder, days[2])],
                "only the portfolio holding the symbol used that close");
        }

        await using (var host = await BatchTestHost.StartAsync(reset: false,
            settings: new Dictionary<string, string?> { ["MarketData:Provider"] = "database" }))
        {
            var run = await host.WaitAsync((await host.StartBackfillAsync(days[0], days[4])).RunId);

            run.Id.Should().NotBe(firstRun, "a Completed run whose snapshots used a corrected close is not joined");
            run.Status.Should().Be(RunStatus.Completed, run.Summary);
            (await TestDatabase.RowsAsync($"""
                SELECT p.name, to_char(i.item_date, 'YYYY-MM-DD') FROM sigmasight.batch_items i
                  JOIN sigmasight.portfolios p ON p.id = i.portfolio_id
                 WHERE i.run_id = '{run.Id}' AND i.phase = {BatchPhases.Pnl} ORDER BY 2
                """)).Should().Equal(days[2..].Select(d => $"{Holder}|{d:yyyy-MM-dd}"), "the holder is rebuilt from the corrected day, no one else");
            var quantity = await TestDatabase.ScalarAsync<decimal>($"""
                SELECT sum(x.quantity) FROM sigmasight.positions x JOIN sigmasight.portfolios p ON p.id = x.portfolio_id
                 WHERE p.name = '{Holder}' AND x.symbol = '{Symbol}'
                """);
            var (nav2, _) = await SnapshotAsync(days[2]);
            var (nav3, pnl3) = await SnapshotAsync(days[3]);
            nav2.Should().BeApproximately(day2Before.Nav + quantity * Correction, 0.01m, "the day is valued at the corrected close");
            nav3.Should().Be(day3Before.Nav, "the next day's close did not change");
            pnl3.Should().BeApproximately(day3Before.Pnl - quantity * Correction, 0.01m, "the next day's P&L starts from the corrected NAV");
            (await TestDatabase.ScalarAsync<decimal>($"""
                SELECT v.price FROM sigmasight.position_values v JOIN sigmasight.positions x ON x.id = v.position_id
                 WHERE x.symbol = '{Symbol}' AND v.value_date = '{days[2]:yyyy-MM-dd}' LIMIT 1
                """)).Should().Be(newClose);
            (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.snapshot_rebuilds")).Should().Be(0, "the run settled it");
            var (exitCode, output) = await Oracle.RecomputeSnapshotsAsync();
            exitCode.Should().Be(0, output);

            var again = await host.StartBackfillAsync(days[0], days[4]);
            again.Joined.Should().BeTrue("nothing is left to rebuild");
        }
    }

    private static async Task<(decimal Nav, decimal Pnl)> SnapshotAsync(DateOnly day)
    {
        var row = (await TestDatabase.RowsAsync($"""
            SELECT s.equity_balance, s.daily_pnl FROM sigmasight.portfolio_snapshots s JOIN sigmasight.portfolios p ON p.id = s.portfolio_id
             WHERE p.name = '{Holder}' AND s.snapshot_date = '{day:yyyy-MM-dd}'
            """)).Single().Split('|');
        return (decimal.Parse(row[0], CultureInfo.InvariantCulture), decimal.Parse(row[1], CultureInfo.InvariantCulture));
    }
}
