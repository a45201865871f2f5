using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Verification;
using SigmaSight.Service.Persistence;
using static SigmaSight.IntegrationTests.MarketData.DataQualityBook;

namespace SigmaSight.IntegrationTests.MarketData;

/// <summary>
/// Issue 8's acceptance: a held symbol with no price for 3 trading days is critical in the run's data quality and the
/// holding portfolio's P&amp;L uses it stale, then fails beyond the window (5 trading days), naming symbol and date.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class StalePriceWindowTests
{
    private static readonly string[] Severities = ["error", "critical", "warning", "info"];

    [Fact]
    public async Task HeldSymbolWithoutPrices_IsStaleThenCritical_ThenUnvaluedAndTheDayFails_NamingSymbolAndDate()
    {
        await using var host = await BatchTestHost.StartAsync(settings: Settings);
        // IBM has no close on days 3..8: day 8 is 6 trading days after its last close (day 2).
        await PrepareAsync(host, (symbol, date, close) => symbol == "IBM" && date >= Days[3] && date <= Days[8] ? null : close);

        var run = await host.WaitAsync((await host.StartBackfillAsync(Days[0], Days[^1])).RunId);

        run.Status.Should().NotBe(RunStatus.Completed);
        var stale = await FindingsAsync(run.Id, "stale");
        stale.Select(f => string.Join('|', f.Split('|')[..3])).Should().Equal(
            $"warning|{Days[3]:yyyy-MM-dd}|IBM", $"critical|{Days[4]:yyyy-MM-dd}|IBM", $"critical|{Days[5]:yyyy-MM-dd}|IBM",
            $"critical|{Days[6]:yyyy-MM-dd}|IBM", $"critical|{Days[7]:yyyy-MM-dd}|IBM");
        stale[2].Should().EndWith($"IBM on {Days[5]:yyyy-MM-dd} valued at its close of {Days[2]:yyyy-MM-dd}", "3 trading days without a price");
        (await TestDatabase.RowsAsync($"""
            SELECT to_char(v.value_date, 'YYYY-MM-DD'), to_char(v.price_date, 'YYYY-MM-DD') FROM sigmasight.position_values v
              JOIN sigmasight.positions p ON p.id = v.position_id WHERE p.symbol = 'IBM' AND v.value_date >= '{Days[2]:yyyy-MM-dd}'
             ORDER BY 1
            """)).Should().Equal([.. Days.Skip(2).Take(6).Select(d => $"{d:yyyy-MM-dd}|{Days[2]:yyyy-MM-dd}")],
            "the P&L values IBM at its day-2 close through day 7, and writes no snapshot from day 8");
        var failed = await TestDatabase.RowsAsync($"""
            SELECT to_char(item_date, 'YYYY-MM-DD'), status, coalesce(error, '') FROM sigmasight.batch_items
             WHERE run_id = '{run.Id}' AND phase = {BatchPhases.Pnl} AND status <> 'Succeeded' ORDER BY item_date
            """);
        failed.Should().HaveCount(2);
        failed[0].Should().StartWith($"{Days[8]:yyyy-MM-dd}|Failed|")
            .And.Contain($"missing price for IBM on {Days[8]:yyyy-MM-dd}: no close within 5 trading days");
        failed[1].Should().StartWith($"{Days[9]:yyyy-MM-dd}|Blocked|");
        (await FindingsAsync(run.Id, "unvalued")).Select(f => string.Join('|', f.Split('|')[..3])).Should().Equal(
            [$"critical|{Days[8]:yyyy-MM-dd}|IBM"], "day 9 is blocked behind day 8, but IBM has its close again on day 9");
        run.Summary.Should().Contain($"missing price for IBM on {Days[8]:yyyy-MM-dd}");
        // The API's run detail (GET /api/runs/{id}) reads them through RunFindings, the most severe first.
        var api = await host.WithScopeAsync(s => RunFindings.ReadAsync(s.GetRequiredService<SigmaSightDbContext>(), run.Id, 500, CancellationToken.None));
        api.Select(f => Array.IndexOf(Severities, f.Severity)).Should().BeInAscendingOrder();
        api.Should().ContainSingle(f => f.Kind == "unvalued").Which.Should().Match<FindingView>(f =>
            f.Severity == "critical" && f.Symbol == "IBM" && f.BusinessDate == Days[8] && f.PortfolioId != null);
        (await StatusAsync(host, run.Id)).Should().MatchRegex($@"critical\s+unvalued\s+{Days[8]:yyyy-MM-dd} IBM\s+IBM held by {Portfolio}")
            .And.MatchRegex($@"critical\s+stale\s+{Days[5]:yyyy-MM-dd} IBM");
    }
}
