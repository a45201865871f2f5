using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.IntegrationTests.MarketData.Import;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Diff;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.Cli;
using SigmaSight.Service.MarketData;

namespace SigmaSight.IntegrationTests.Orchestration;

/// <summary>
/// Run diff (issue 9, point 2): a night against its forced re-run shows no change; after a price correction and the
/// run that rebuilt from it, the diff names exactly the portfolios, dates and fields that changed, by how much.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class RunDiffTests
{
    private const string Symbol = "FCNTX";
    private const string Holder = "Demo Individual Investor Portfolio";

    [Fact]
    public async Task Diff_ShowsNoChangeForAForcedRerun_AndExactlyTheRebuiltFiguresAfterAPriceCorrection()
    {
        List<DateOnly> days;
        Guid original, rerun, recomputed;
        decimal oldClose;
        await using (var host = await BatchTestHost.StartAsync())
        {
            await host.SeedDemoAsync();
            days = await host.FirstTradingDaysAsync(4);
            original = (await host.WaitAsync((await host.StartBackfillAsync(days[0], days[3])).RunId)).Id;
            var forced = await host.WithScopeAsync(s => s.GetRequiredService<RunStarter>().StartAsync(
                new RunRequest(RunKind.Nightly, days[3], days[3], RunScope.All, "test", host.Now, Force: true), CancellationToken.None));
            rerun = (await host.WaitAsync(forced.RunId)).Id;

            var same = await CompareAsync(host, original, rerun);

            same.Same.Should().BeTrue(string.Join("; ", same.Changes.Select(c => $"{c.Portfolio} {c.Date} {c.Field}")));
            (same.From, same.To, same.Compared).Should().Be((days[3], days[3], 5), "both runs cover the last day of 5 portfolios");
            oldClose = await TestDatabase.ScalarAsync<decimal>($"SELECT close FROM sigmasight.prices WHERE symbol = '{Symbol}' AND date = '{days[1]:yyyy-MM-dd}'");
            await host.ImportAsync(string.Create(CultureInfo.InvariantCulture, $"date,symbol,close\n{days[1]:yyyy-MM-dd},{Symbol},{oldClose + 2m}\n"));
        }

        await using (var host = await BatchTestHost.StartAsync(reset: false,
            settings: new Dictionary<string, string?> { ["MarketData:Provider"] = "database" }))
        {
            var rebuilt = await host.WaitAsync((await host.StartBackfillAsync(days[0], days[3], force: true)).RunId);
            rebuilt.Status.Should().Be(RunStatus.Completed, rebuilt.Summary);

            var diff = await CompareAsync(host, original, rebuilt.Id);

            (diff.Compared, diff.ChangedDays).Should().Be((5 * 4, 3), "the holder's days from the corrected one on changed, nothing else");
            diff.Changes.Select(c => (c.Portfolio, c.Date)).Distinct().Should().Equal(
                days[1..].Select(d => (Holder, d)));
            diff.OnlyInA.Should().BeEmpty();
            diff.OnlyInB.Should().BeEmpty();
            var day1 = diff.Changes.Where(c => c.Date == days[1]).ToDictionary(c => c.Field);
            day1.Should().ContainKeys("equity_balance", "daily_pnl", "long_value", "gross_exposure");
            day1["daily_pnl"].Delta.Should().Be(day1["equity_balance"].Delta, "the NAV moved by the day's P&L change");
            day1["daily_pnl"].Delta.Should().Be(decimal.Parse(day1["daily_pnl"].B!, CultureInfo.InvariantCulture)
                - decimal.Parse(day1["daily_pnl"].A!, CultureInfo.InvariantCulture));
            day1.Should().NotContainKey("num_positions", "the positions did not change");
            (await CompareAsync(host, original, rerun)).Same.Should().BeTrue("each run keeps the figures it verified");

            using var printed = new StringWriter(CultureInfo.InvariantCulture);
            await DiffCommand.PrintAsync(diff, limit: 200, printed);
            printed.ToString().Should().Contain("20 portfolio-day(s) compared, 3 changed")
                .And.Contain($"{Holder}").And.Contain($"{days[1]:yyyy-MM-dd}  daily_pnl");
            recomputed = rebuilt.Id;
        }

        await using var web = await Api.WebTestHost.StartAsync(reset: false);
        using var client = web.Client();
        var page = await client.GetStringAsync(new Uri($"/hangfire/runs/{original}/diff/{recomputed}", UriKind.Relative), TestContext.Current.CancellationToken);
        page.Should().Contain("20 portfolio-day(s) compared, 3 changed (").And.Contain("<code>daily_pnl</code>")
            .And.Contain(System.Net.WebUtility.HtmlEncode(Holder));
        foreach (var run in new[] { original, recomputed })
            (await client.GetStringAsync(new Uri($"/hangfire/runs/{run}", UriKind.Relative), TestContext.Current.CancellationToken))
                .Should().Contain($"href=\"/hangfire/runs/{original}/diff/{recomputed}\"",
                    "both runs' pages compare the older run (A) with the newer (B), as the diff verb does");
    }

    private static Task<RunDiff> CompareAsync(BatchTestHost host, Guid a, Guid b) =>
        host.WithScopeAsync(s => s.GetRequiredService<RunDiffer>().CompareAsync(a, b, CancellationToken.None));
}
