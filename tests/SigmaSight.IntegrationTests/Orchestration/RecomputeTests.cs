using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Portfolios;

namespace SigmaSight.IntegrationTests.Orchestration;

/// <summary>Recompute from a mid-range date equals a fresh backfill, and never interleaves with a nightly run.</summary>
[Collection(SharedDatabase.Name)]
public sealed class RecomputeTests : IAsyncLifetime
{

    private BatchTestHost _host = null!;
    private List<DateOnly> _days = [];
    private Guid _portfolio;

    public async ValueTask InitializeAsync()
    {
        _host = await BatchTestHost.StartAsync();
        await _host.SeedDemoAsync();
        (_days, _portfolio) = await _host.WithScopeAsync(async s =>
        {
            var calendar = await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None);
            var db = s.GetRequiredService<SigmaSightDbContext>();
            var inception = await db.Portfolios.MinAsync(p => p.InceptionDate);
            var id = await db.Portfolios.Where(p => p.Name == "Demo Hedge Fund Style Investor Portfolio").Select(p => p.Id).SingleAsync();
            return (calendar.TradingDays(inception, BusinessDate.Resolve(_host.Now, calendar)).ToList(), id);
        });
        var run = await _host.WaitAsync((await _host.StartBackfillAsync(_days[0], _days[^1])).RunId);
        run.Status.Should().Be(RunStatus.Completed, run.Summary);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private string Sql => $"""
        SELECT snapshot_date, equity_balance, cash_value, daily_pnl, daily_return, cumulative_pnl, daily_realized_pnl,
               cumulative_realized_pnl, long_value, short_value, gross_exposure, net_exposure, num_positions
          FROM sigmasight.portfolio_snapshots WHERE portfolio_id = '{_portfolio}' ORDER BY snapshot_date
        """;

    [Fact]
    public async Task RecomputeFromMidRange_EqualsTheFreshBackfillToTheCent()
    {
        var backfill = await TestDatabase.RowsAsync(Sql);
        var mid = _days[_days.Count / 2];

        var run = await _host.WaitAsync((await _host.StartRecomputeAsync(_portfolio, mid, _days[^1])).RunId);

        run.Status.Should().Be(RunStatus.Completed, run.Summary);
        (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.batch_items WHERE run_id = '{run.Id}' AND phase = 3"))
            .Should().Be(_days.Count(d => d >= mid), "every day from the recompute date on was rebuilt");
        (await TestDatabase.RowsAsync(Sql)).Should().Equal(backfill);
    }

    [Fact]
    public async Task ConcurrentNightlyRun_NeverInterleavesWithARecompute()
    {
        var backfill = await TestDatabase.RowsAsync(Sql);
        var mid = _days[_days.Count / 2];
        var nightly = new RunRequest(RunKind.Nightly, _days[^1], _days[^1], RunScope.All, "test", _host.Now, Force: true);

        var recompute = _host.StartRecomputeAsync(_portfolio, mid, _days[^1]);
        var trigger = _host.WithScopeAsync(s => s.GetRequiredService<RunStarter>().StartAsync(nightly, CancellationToken.None));
        var runs = await Task.WhenAll(recompute, trigger);
        var finished = await Task.WhenAll(runs.Select(r => _host.WaitAsync(r.RunId)));

        finished[0].Status.Should().Be(RunStatus.Completed, finished[0].Summary);
        finished[1].Status.Should().BeOneOf([RunStatus.Completed, RunStatus.CompletedWithErrors], finished[1].Summary);
        if (finished[1].Status == RunStatus.CompletedWithErrors)
            finished[1].Summary.Should().Contain("out of order", "the only way the nightly may fail is refusing to interleave");
        (await TestDatabase.RowsAsync("SELECT portfolio_id, snapshot_date, count(*) FROM sigmasight.portfolio_snapshots GROUP BY 1, 2"))
            .Should().HaveCount(5 * _days.Count).And.OnlyContain(r => r.EndsWith("|1", StringComparison.Ordinal));
        (await TestDatabase.RowsAsync(Sql)).Should().Equal(backfill);
        (await Oracle.RecomputeSnapshotsAsync()).ExitCode.Should().Be(0);
    }

    /// <summary>Issue 7, 1b: the rebuild's first day fails, so the equity balance must not stay at a deleted NAV.</summary>
    [Fact]
    public async Task RecomputeWhoseFirstDayFails_LeavesTheEquityBalanceAtTheLatestRemainingSnapshot()
    {
        var mid = _days[_days.Count / 2];
        await _host.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<SigmaSightDbContext>();
            db.Positions.Add(new Position
            {
                Id = Guid.NewGuid(), PortfolioId = _portfolio, Symbol = "ZZZZ", PositionType = "LONG", InvestmentClass = "PUBLIC",
                Quantity = 100, EntryPrice = 10m, EntryDate = mid,
            });
            return await db.SaveChangesAsync();
        });

        var run = await _host.WaitAsync((await _host.StartRecomputeAsync(_portfolio, mid, _days[^1])).RunId);

        run.Status.Should().Be(RunStatus.CompletedWithErrors);
        run.Summary.Should().Contain("missing price for ZZZZ");
        var balance = await TestDatabase.ScalarAsync<decimal>($"SELECT equity_balance FROM sigmasight.portfolios WHERE id = '{_portfolio}'");
        var latest = await TestDatabase.ScalarAsync<decimal>($"""
            SELECT equity_balance FROM sigmasight.portfolio_snapshots WHERE portfolio_id = '{_portfolio}' ORDER BY snapshot_date DESC LIMIT 1
            """);
        (await TestDatabase.ScalarAsync<bool>(
                $"SELECT max(snapshot_date) < '{mid:yyyy-MM-dd}' FROM sigmasight.portfolio_snapshots WHERE portfolio_id = '{_portfolio}'"))
            .Should().BeTrue("the rebuild deleted every snapshot from its first day on");
        balance.Should().Be(latest, "the portfolio's equity balance is the NAV of its latest remaining snapshot");
    }
}
