using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.IntegrationTests.Orchestration;

/// <summary>
/// A verdict comes from the data, never from an old run (issue 7, 1j and 1k): a trigger that would join a Completed
/// run re-checks its snapshots first; verify checks every active portfolio's days of the range whoever wrote them and
/// says "already up to date" when there was nothing to write; a range no portfolio reaches is refused.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class VerdictFromDataTests : IAsyncLifetime
{
    private const string HedgeFund = "Demo Hedge Fund Style Investor Portfolio";
    private const string SnapshotKeys = "SELECT portfolio_id, snapshot_date FROM sigmasight.portfolio_snapshots ORDER BY 1, 2";

    private BatchTestHost _host = null!;
    private List<DateOnly> _days = [];
    private Guid _hedgeFund;

    public async ValueTask InitializeAsync()
    {
        _host = await BatchTestHost.StartAsync();
        await _host.SeedDemoAsync();
        (_days, _hedgeFund) = await _host.WithScopeAsync(async s =>
        {
            var calendar = await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None);
            var db = s.GetRequiredService<SigmaSightDbContext>();
            var inception = await db.Portfolios.MinAsync(p => p.InceptionDate);
            var id = await db.Portfolios.Where(p => p.Name == HedgeFund).Select(p => p.Id).SingleAsync();
            return (calendar.TradingDays(inception, BusinessDate.Resolve(_host.Now, calendar)).ToList(), id);
        });
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private Task<RunHandle> NightlyAsync(DateOnly date) =>
        _host.WithScopeAsync(s => s.GetRequiredService<RunStarter>().StartAsync(
            new RunRequest(RunKind.Nightly, date, date, RunScope.All, "test", _host.Now), CancellationToken.None));

    private async Task<BatchRun> BackfillAllAsync()
    {
        var run = await _host.WaitAsync((await _host.StartBackfillAsync(_days[0], _days[^1])).RunId);
        run.Status.Should().Be(RunStatus.Completed, run.Summary);
        return run;
    }

    /// <summary>What a recompute that failed on its first day leaves behind: the portfolio's snapshots from a date on are gone.</summary>
    private static Task<int> DeleteSnapshotsAsync(Guid portfolio, DateOnly from, DateOnly? to = null) =>
        TestDatabase.ExecuteAsync($"""
            DELETE FROM sigmasight.position_values WHERE portfolio_id = '{portfolio}' AND value_date >= '{from:yyyy-MM-dd}'
               AND value_date <= '{to ?? DateOnly.MaxValue:yyyy-MM-dd}';
            DELETE FROM sigmasight.portfolio_snapshots WHERE portfolio_id = '{portfolio}' AND snapshot_date >= '{from:yyyy-MM-dd}'
               AND snapshot_date <= '{to ?? DateOnly.MaxValue:yyyy-MM-dd}';
            """);

    [Fact]
    public async Task SameBackfillAgain_AfterSnapshotsWereDeleted_StartsANewRun_ThatRestoresThem()
    {
        var first = await BackfillAllAsync();
        var complete = await TestDatabase.RowsAsync(SnapshotKeys);
        await DeleteSnapshotsAsync(_hedgeFund, _days[^3]);

        var again = await _host.StartBackfillAsync(_days[0], _days[^1]);

        again.Joined.Should().BeFalse("the Completed run's verdict no longer holds: 3 of its snapshots are gone");
        again.RunId.Should().NotBe(first.Id);
        var run = await _host.WaitAsync(again.RunId);
        run.Status.Should().Be(RunStatus.Completed, run.Summary);
        run.Summary.Should().StartWith($"{complete.Count} snapshots verified for 5 portfolio(s)").And.Contain("(3 written by this run)");
        (await TestDatabase.RowsAsync(SnapshotKeys)).Should().Equal(complete);
        (await TestDatabase.ScalarAsync<Guid>($"SELECT superseded_by FROM sigmasight.batch_runs WHERE id = '{first.Id}'"))
            .Should().Be(again.RunId);
    }

    [Fact]
    public async Task SameNightlyAgain_AfterItsSnapshotWasDeleted_DoesNotRepeatTheOldVerdict()
    {
        await BackfillAllAsync();
        var nightly = await _host.WaitAsync((await NightlyAsync(_days[^1])).RunId);
        nightly.Status.Should().Be(RunStatus.Completed, nightly.Summary);
        await DeleteSnapshotsAsync(_hedgeFund, _days[^1]);

        var again = await NightlyAsync(_days[^1]);

        again.Joined.Should().BeFalse();
        var run = await _host.WaitAsync(again.RunId);
        run.Status.Should().Be(RunStatus.Completed, run.Summary);
        run.Summary.Should().Contain("(1 written by this run)");
        (await TestDatabase.ScalarAsync<long>(
                $"SELECT count(*) FROM sigmasight.portfolio_snapshots WHERE snapshot_date = '{_days[^1]:yyyy-MM-dd}'"))
            .Should().Be(5);
    }

    [Fact]
    public async Task CompletedRun_WhoseSnapshotsAllExist_IsJoined()
    {
        var first = await BackfillAllAsync();

        var again = await _host.StartBackfillAsync(_days[0], _days[^1]);

        again.Joined.Should().BeTrue();
        again.RunId.Should().Be(first.Id);
    }

    [Fact]
    public async Task NightlyWithNothingToWrite_SaysAlreadyUpToDate()
    {
        await BackfillAllAsync();

        var run = await _host.WaitAsync((await NightlyAsync(_days[^1])).RunId);

        run.Status.Should().Be(RunStatus.Completed, run.Summary);
        run.Summary.Should().StartWith($"already up to date: 5 portfolio(s) through {_days[^1]:yyyy-MM-dd}");
    }

    [Fact]
    public async Task AHoleNoRunPlans_MakesTheRunCompletedWithErrors_NamingPortfolioAndDay()
    {
        await BackfillAllAsync();
        var hole = _days[^2];
        await DeleteSnapshotsAsync(_hedgeFund, hole, hole);

        var run = await _host.WaitAsync((await _host.StartBackfillAsync(_days[^3], _days[^1])).RunId);

        run.Status.Should().Be(RunStatus.CompletedWithErrors, "the latest snapshot is newer, so nothing plans the hole");
        run.Summary.Should().Contain($"missing snapshot: {HedgeFund} on {hole:yyyy-MM-dd}");
    }

    [Fact]
    public async Task ARunBeforeEveryInception_IsRefused_AndStoresNothing()
    {
        var before = await _host.WithScopeAsync(async s =>
            (await s.GetRequiredService<TradingCalendarProvider>().GetAsync(CancellationToken.None)).AddTradingDays(_days[0], -3));

        var refused = async () => await NightlyAsync(before);

        (await refused.Should().ThrowAsync<RunRefusedException>()).Which.Message.Should()
            .Be($"no portfolio is active on {before:yyyy-MM-dd}: the earliest inception is {_days[0]:yyyy-MM-dd}");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.batch_runs")).Should().Be(0);

        var (exitCode, output) = await ServiceProcess.RunAsync(new Dictionary<string, string>(),
            "run", "--date", before.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        exitCode.Should().Be(64, output);
        output.Should().Contain($"error: no portfolio is active on {before:yyyy-MM-dd}");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.batch_runs")).Should().Be(0);
    }
}
