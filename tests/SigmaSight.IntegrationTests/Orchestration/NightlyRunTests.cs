using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.IntegrationTests.Orchestration;

/// <summary>Nightly runs: idempotent triggers, forced re-runs and the catch-up of a missed night.</summary>
[Collection(SharedDatabase.Name)]
public sealed class NightlyRunTests : IAsyncLifetime
{
    private BatchTestHost _host = null!;
    private List<DateOnly> _days = [];

    public async ValueTask InitializeAsync()
    {
        _host = await BatchTestHost.StartAsync();
        await _host.SeedDemoAsync();
        _days = await _host.WithScopeAsync(async s =>
        {
            var calendar = await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None);
            var inception = await s.GetRequiredService<SigmaSightDbContext>().Portfolios.MinAsync(p => p.InceptionDate);
            return calendar.TradingDays(inception, BusinessDate.Resolve(_host.Now, calendar)).ToList();
        });
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private Task<RunHandle> TriggerAsync(DateOnly date, bool force = false, string by = "test") =>
        _host.WithScopeAsync(s => s.GetRequiredService<RunStarter>().StartAsync(
            new RunRequest(RunKind.Nightly, date, date, RunScope.All, by, _host.Now, force), CancellationToken.None));

    [Fact]
    public async Task TwoConcurrentTriggers_MakeOneRun_AndBothCallersGetItsStatus()
    {
        var date = _days[^1];
        var triggers = await Task.WhenAll(TriggerAsync(date, by: "schedule"), TriggerAsync(date, by: "api"));

        triggers.Select(t => t.RunId).Distinct().Should().ContainSingle("the second trigger joins the first");
        triggers.Count(t => t.Joined).Should().Be(1);
        var statuses = await Task.WhenAll(triggers.Select(t => _host.WaitAsync(t.RunId)));
        statuses.Should().OnlyContain(r => r.Status == RunStatus.Completed);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.batch_runs")).Should().Be(1);
        (await TestDatabase.RowsAsync("SELECT portfolio_id, snapshot_date, count(*) FROM sigmasight.portfolio_snapshots GROUP BY 1, 2"))
            .Should().HaveCount(5 * _days.Count).And.OnlyContain(r => r.EndsWith("|1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForcedTrigger_SupersedesTheRun_WithValuesUnchanged()
    {
        var date = _days[^1];
        var first = await _host.WaitAsync((await TriggerAsync(date)).RunId);
        const string Values = "SELECT portfolio_id, snapshot_date, equity_balance, daily_pnl FROM sigmasight.portfolio_snapshots ORDER BY 1, 2";
        var before = await TestDatabase.RowsAsync(Values);

        var forced = await TriggerAsync(date, force: true);
        var second = await _host.WaitAsync(forced.RunId);

        forced.Joined.Should().BeFalse();
        forced.RunId.Should().NotBe(first.Id);
        second.Status.Should().Be(RunStatus.Completed, second.Summary);
        (await TestDatabase.ScalarAsync<Guid>($"SELECT superseded_by FROM sigmasight.batch_runs WHERE id = '{first.Id}'"))
            .Should().Be(forced.RunId);
        (await TestDatabase.RowsAsync(Values)).Should().Equal(before);
    }

    [Fact]
    public async Task MissedNight_IsCaughtUp_InOrder_BeforeTheBusinessDate()
    {
        var (twoBack, missed, today) = (_days[^3], _days[^2], _days[^1]);
        var early = await _host.WaitAsync((await TriggerAsync(twoBack)).RunId);
        early.Status.Should().Be(RunStatus.Completed, early.Summary);

        var run = await _host.WaitAsync((await TriggerAsync(today)).RunId);

        run.Status.Should().Be(RunStatus.Completed, run.Summary);
        var items = await TestDatabase.RowsAsync(
            $"SELECT portfolio_id, item_date::text FROM sigmasight.batch_items WHERE run_id = '{run.Id}' AND phase = 3 ORDER BY 1, 2");
        items.Should().HaveCount(10).And.OnlyContain(i => i.EndsWith(missed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            || i.EndsWith(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var order = await TestDatabase.RowsAsync($"""
            SELECT portfolio_id, bool_and(d.finished_at <= t.started_at)
              FROM sigmasight.batch_items d JOIN sigmasight.batch_items t USING (run_id, phase, portfolio_id)
             WHERE run_id = '{run.Id}' AND phase = 3 AND d.item_date = '{missed:yyyy-MM-dd}' AND t.item_date = '{today:yyyy-MM-dd}'
             GROUP BY portfolio_id
            """);
        order.Should().HaveCount(5).And.OnlyContain(r => r.EndsWith("|True", StringComparison.Ordinal), "D−1 is written before D");
        var (exitCode, output) = await Oracle.RecomputeSnapshotsAsync();
        exitCode.Should().Be(0, output);
    }
}
