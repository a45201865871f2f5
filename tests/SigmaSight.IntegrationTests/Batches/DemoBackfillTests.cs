using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using FluentAssertions.Execution;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Portfolios.Demo;

namespace SigmaSight.IntegrationTests.Batches;

/// <summary>The walking skeleton end to end: the demo backfill through real Hangfire servers on real PostgreSQL.</summary>
[Collection(SharedDatabase.Name)]
public sealed class DemoBackfillTests : IAsyncLifetime
{
    private BatchTestHost _host = null!;
    private DateOnly _inception;
    private DateOnly _last;
    private List<DateOnly> _tradingDays = [];

    public async ValueTask InitializeAsync()
    {
        _host = await BatchTestHost.StartAsync();
        await _host.SeedDemoAsync();
        (_inception, _last, _tradingDays) = await _host.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<SigmaSightDbContext>();
            var calendar = await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None);
            var inception = await db.Portfolios.MinAsync(p => p.InceptionDate);
            var last = BusinessDate.Resolve(_host.Now, calendar);
            return (inception, last, calendar.TradingDays(inception, last).ToList());
        });
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Backfill_WritesOneVerifiedSnapshotPerPortfolioPerTradingDay_WhenDemoIsSeeded()
    {
        _last.Should().Be(new DateOnly(2026, 10, 30), "the clock is frozen on Friday 2026-10-30 after the 16:30 cutoff");
        _tradingDays.Should().HaveCount(61, "inception is 60 trading days before the last completed day");

        var handle = await _host.StartBackfillAsync(_inception, _last);
        var run = await _host.WaitAsync(handle.RunId);

        run.Status.Should().Be(RunStatus.Completed, run.Summary);
        var rows = await TestDatabase.RowsAsync(
            "SELECT portfolio_id, snapshot_date, count(*) FROM sigmasight.portfolio_snapshots GROUP BY 1, 2");
        rows.Should().HaveCount(5 * 61).And.OnlyContain(r => r.EndsWith("|1", StringComparison.Ordinal));
        var dates = await TestDatabase.RowsAsync("SELECT DISTINCT snapshot_date::text FROM sigmasight.portfolio_snapshots ORDER BY 1");
        dates.Should().Equal(_tradingDays.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.portfolio_snapshots WHERE daily_pnl IS NULL"))
            .Should().Be(0);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.portfolio_snapshots WHERE run_id <> '" + run.Id + "'"))
            .Should().Be(0, "every snapshot was written by the run's jobs");
    }

    [Fact]
    public async Task Backfill_MatchesIndependentRecomputationToTheCent()
    {
        var run = await _host.WaitAsync((await _host.StartBackfillAsync(_inception, _last)).RunId);
        run.Status.Should().Be(RunStatus.Completed, run.Summary);

        var (exitCode, output) = await Oracle.RecomputeSnapshotsAsync();

        exitCode.Should().Be(0, output);
        output.Should().Contain("recompute: 305 snapshots").And.Contain(" 0 mismatches");
    }

    /// <summary>Issue 8 point 7: the demo looks like real books (bounds stated in <see cref="DemoCatalog"/>).</summary>
    [Fact]
    public async Task Backfill_KeepsEveryDemoPortfolioWithinTheVolatilityBoundsAndItsStatedLeverage()
    {
        var run = await _host.WaitAsync((await _host.StartBackfillAsync(_inception, _last)).RunId);
        run.Status.Should().Be(RunStatus.Completed, run.Summary);

        var (minVolatility, maxVolatility) = DemoCatalog.VolatilityBounds;
        using var scope = new AssertionScope();
        foreach (var portfolio in DemoCatalog.Portfolios)
        {
            var days = (await TestDatabase.RowsAsync($"""
                SELECT gross_exposure / equity_balance, net_exposure / equity_balance, coalesce(daily_return::text, '')
                  FROM sigmasight.portfolio_snapshots WHERE portfolio_id = '{portfolio.Id}' ORDER BY snapshot_date
                """)).Select(r => r.Split('|')).ToList();
            days.Should().HaveCount(61, portfolio.Name);
            var returns = days.Skip(1).Select(d => Number(d[2])).ToList();
            var mean = returns.Average();
            var volatility = Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Count - 1) * 252);

            volatility.Should().BeInRange(minVolatility, maxVolatility, "{0}'s annualised volatility", portfolio.Name);
            days.Select(d => Number(d[0])).Should().OnlyContain(
                g => g >= portfolio.Leverage.MinGross && g <= portfolio.Leverage.MaxGross, "{0}'s gross leverage", portfolio.Name);
            days.Select(d => Number(d[1])).Should().OnlyContain(
                n => n >= portfolio.Leverage.MinNet && n <= portfolio.Leverage.MaxNet, "{0}'s net leverage", portfolio.Name);
        }

        (await TestDatabase.ScalarAsync<long>("SELECT count(DISTINCT v.position_id) FROM sigmasight.private_valuations v"))
            .Should().Be(20, "each private lot reports once a quarter, and this window (2026-08-05..10-30) holds one report of each");
    }

    private static double Number(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Backfill_AddsNoRowAndNoSecondRun_WhenTheSameRangeRunsAgain()
    {
        var first = await _host.StartBackfillAsync(_inception, _last);
        await _host.WaitAsync(first.RunId);
        var before = await TestDatabase.RowsAsync("SELECT id FROM sigmasight.portfolio_snapshots ORDER BY id");

        var second = await _host.StartBackfillAsync(_inception, _last);
        var run = await _host.WaitAsync(second.RunId);

        second.Joined.Should().BeTrue();
        second.RunId.Should().Be(first.RunId);
        run.Status.Should().Be(RunStatus.Completed);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.batch_runs")).Should().Be(1);
        (await TestDatabase.RowsAsync("SELECT id FROM sigmasight.portfolio_snapshots ORDER BY id")).Should().Equal(before);
    }

    [Fact]
    public async Task Recompute_ReproducesEveryStoredValueAndRestoresAnAlteredSnapshot_WhenRunFromInception()
    {
        await _host.WaitAsync((await _host.StartBackfillAsync(_inception, _last)).RunId);
        var portfolio = await TestDatabase.ScalarAsync<Guid>(
            "SELECT id FROM sigmasight.portfolios WHERE name = 'Demo Hedge Fund Style Investor Portfolio'");
        const string Values = """
            SELECT snapshot_date, equity_balance, cash_value, daily_pnl, daily_return, cumulative_pnl, daily_realized_pnl,
                   cumulative_realized_pnl, daily_capital_flow, long_value, short_value, gross_exposure, net_exposure,
                   num_positions, stale_price_count
              FROM sigmasight.portfolio_snapshots WHERE portfolio_id = '{0}' ORDER BY snapshot_date
            """;
        var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, Values, portfolio);
        var before = await TestDatabase.RowsAsync(sql);
        var idsBefore = await TestDatabase.RowsAsync($"SELECT id FROM sigmasight.portfolio_snapshots WHERE portfolio_id = '{portfolio}'");
        var altered = _tradingDays[30];
        (await TestDatabase.ExecuteAsync($"""
            UPDATE sigmasight.portfolio_snapshots SET equity_balance = equity_balance + 1000, daily_pnl = 0
             WHERE portfolio_id = '{portfolio}' AND snapshot_date = '{altered:yyyy-MM-dd}'
            """)).Should().Be(1);

        var run = await _host.WaitAsync((await _host.StartRecomputeAsync(portfolio, _inception, _last)).RunId);

        run.Status.Should().Be(RunStatus.Completed, run.Summary);
        (await TestDatabase.RowsAsync(sql)).Should().Equal(before, "a recompute from inception equals the backfill");
        (await TestDatabase.RowsAsync($"SELECT id FROM sigmasight.portfolio_snapshots WHERE portfolio_id = '{portfolio}'"))
            .Should().NotIntersectWith(idsBefore, "every snapshot was written again by a job, none skipped");
        (await Oracle.RecomputeSnapshotsAsync()).ExitCode.Should().Be(0);
    }
}
