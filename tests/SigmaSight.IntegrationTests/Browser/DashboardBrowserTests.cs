using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SigmaSight.IntegrationTests.Api;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.Hosting.Security;
using SigmaSight.Service.Persistence;

namespace SigmaSight.IntegrationTests.Browser;

/// <summary>
/// The operator's pages in a real browser (issue 9, point 5): Playwright drives Debian's chromium through the
/// dashboard, the Runs page, a run, a portfolio report and a diff on <c>serve</c> (Policy mode, signed in as an admin),
/// checks the demo's real figures, requeues a failed job by clicking "Requeue" and sees the run heal. Screenshots go
/// to <c>artifacts/browser/</c> in the repository.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class DashboardBrowserTests
{
    private const string Admin = "ops";
    private const string Password = "a long random password for the browser test";
    private const string HedgeFund = "Demo Hedge Fund Style Investor Portfolio";
    private const string Individual = "Demo Individual Investor Portfolio";
    private static readonly string Shots = Path.Combine(Oracle.RepoRoot, "artifacts", "browser");

    [Fact]
    public async Task Operator_ReadsTheReportsAndHealsAFailedRunByClickingRequeue()
    {
        var (completed, rerun, failed, days) = await RunsAsync();
        await using var web = await WebTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Dashboard:Mode"] = "Policy",
            ["Dashboard:Users:0:Name"] = Admin,
            ["Dashboard:Users:0:PasswordSha256"] = DashboardCredentials.Hash(Password),
            ["Dashboard:Users:0:Role"] = "admin",
        }, runServers: true, reset: false);
        Directory.CreateDirectory(Shots);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = web.Address.ToString(),
            HttpCredentials = new HttpCredentials { Username = Admin, Password = Password },
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        var page = await context.NewPageAsync();

        await OpenAsync(page, "/hangfire", "1-dashboard");
        await OpenAsync(page, "/hangfire/runs", "2-runs");
        (await page.ContentAsync()).Should().Contain(completed.ToString()).And.Contain(failed.ToString());

        await OpenAsync(page, $"/hangfire/runs/{failed}", "3-failed-run");
        (await page.Locator("h1").InnerTextAsync()).Should().Contain("CompletedWithErrors");
        var individual = await TestDatabase.ScalarAsync<Guid>($"SELECT id FROM sigmasight.portfolios WHERE name = '{Individual}'");
        var nav = await TestDatabase.ScalarAsync<decimal>($"""
            SELECT equity_balance FROM sigmasight.portfolio_snapshots WHERE portfolio_id = '{individual}' ORDER BY snapshot_date DESC LIMIT 1
            """);
        await page.GetByRole(AriaRole.Link, new() { Name = Individual }).First.ClickAsync();
        await page.WaitForURLAsync($"**/hangfire/portfolios/{individual}");
        await ShotAsync(page, "4-portfolio-report");
        (await page.Locator("#portfolio-nav").InnerTextAsync()).Should().Be(nav.ToString("#,0.00", CultureInfo.InvariantCulture),
            "the report shows the NAV the database holds");
        (await page.Locator("svg#equity-curve polyline").CountAsync()).Should().Be(1);

        await OpenAsync(page, $"/hangfire/runs/{completed}/diff/{rerun}", "5-diff");
        (await page.Locator(".alert-success").InnerTextAsync()).Should().Contain("No change");

        // The operator fixes the data (ZZZZ gets its closes), then requeues the failed P&L job from its page.
        await TestDatabase.ExecuteAsync(string.Join("\n", days.Select(d =>
            $"INSERT INTO sigmasight.prices (symbol, date, close, source) VALUES ('ZZZZ', '{d:yyyy-MM-dd}', 10.5, 'test');")));
        var job = await TestDatabase.ScalarAsync<string>($"SELECT hangfire_job_id FROM sigmasight.batch_items WHERE run_id = '{failed}' AND status = 'Failed'");
        await OpenAsync(page, $"/hangfire/runs/{failed}", "6-before-requeue");
        await page.Locator($"a[href='/hangfire/jobs/details/{job}']").First.ClickAsync();
        await page.WaitForURLAsync($"**/hangfire/jobs/details/{job}");
        await ShotAsync(page, "7-failed-job");
        await page.GetByRole(AriaRole.Button, new() { Name = "Requeue" }).ClickAsync();

        var healed = await WaitForStatusAsync(failed, RunStatus.Completed, TimeSpan.FromSeconds(180));
        var items = await TestDatabase.RowsAsync($"""
            SELECT phase, item_key, status, attempts, hangfire_job_id, coalesce(error, '') FROM sigmasight.batch_items
             WHERE run_id = '{failed}' AND status <> 'Succeeded' ORDER BY phase, item_key
            """);
        var summary = await TestDatabase.ScalarAsync<string>($"SELECT coalesce(summary, '') FROM sigmasight.batch_runs WHERE id = '{failed}'");
        healed.Should().Be(RunStatus.Completed, "the requeued job succeeds and verify lifts the run; summary: {0}; items not Succeeded: {1}",
            summary, string.Join(" / ", items));
        await OpenAsync(page, $"/hangfire/runs/{failed}", "8-healed-run");
        (await page.Locator("h1").InnerTextAsync()).Should().Contain("Completed").And.NotContain("CompletedWithErrors");
    }

    private static async Task OpenAsync(IPage page, string path, string shot)
    {
        var response = await page.GotoAsync(path);
        response!.Status.Should().Be(200, "{0} should open", path);
        await ShotAsync(page, shot);
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, name + ".png"), FullPage = true });

    private static async Task<RunStatus> WaitForStatusAsync(Guid run, RunStatus expected, TimeSpan limit)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var status = Enum.Parse<RunStatus>(await TestDatabase.ScalarAsync<string>($"SELECT status FROM sigmasight.batch_runs WHERE id = '{run}'"));
            if (status == expected || waited.Elapsed > limit) return status;
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// A Completed backfill of the demo's first 4 days, its last day's forced re-run, and a backfill of the next 2 days in
    /// which the hedge fund fails: it holds ZZZZ, a symbol without closes.
    /// </summary>
    private static async Task<(Guid Completed, Guid Rerun, Guid Failed, List<DateOnly> FailedDays)> RunsAsync()
    {
        await using var host = await BatchTestHost.StartAsync();
        await host.SeedDemoAsync();
        var days = await host.FirstTradingDaysAsync(6);
        var completed = await host.WaitAsync((await host.StartBackfillAsync(days[0], days[3])).RunId);
        completed.Status.Should().Be(RunStatus.Completed, completed.Summary);
        var rerun = await host.WaitAsync((await host.WithScopeAsync(s => s.GetRequiredService<RunStarter>().StartAsync(
            new RunRequest(RunKind.Nightly, days[3], days[3], RunScope.All, "test", host.Now, Force: true), CancellationToken.None))).RunId);
        await host.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<SigmaSightDbContext>();
            var portfolio = await db.Portfolios.SingleAsync(p => p.Name == HedgeFund);
            db.Positions.Add(new SigmaSight.Service.Portfolios.Position
            {
                Id = Guid.NewGuid(), PortfolioId = portfolio.Id, Symbol = "ZZZZ", PositionType = "LONG", InvestmentClass = "PUBLIC",
                Quantity = 100, EntryPrice = 10m, EntryDate = days[4],
            });
            return await db.SaveChangesAsync();
        });
        var failed = await host.WaitAsync((await host.StartBackfillAsync(days[4], days[5])).RunId);
        failed.Status.Should().Be(RunStatus.CompletedWithErrors, failed.Summary);
        // The run's verdict can come before its last starter has finished (a Blocked item is finished without running):
        // stop this host only when every item has its job and no job is in flight, so none waits out an invisibility timeout.
        var settled = System.Diagnostics.Stopwatch.StartNew();
        while (settled.Elapsed < TimeSpan.FromSeconds(60))
        {
            var unrecorded = await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM sigmasight.batch_items WHERE run_id = '{failed.Id}' AND hangfire_job_id IS NULL");
            var processing = await host.WithScopeAsync(s => Task.FromResult(s.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().ProcessingCount()));
            if (unrecorded == 0 && processing == 0) break;
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        return (completed.Id, rerun.Id, failed.Id, days[4..]);
    }
}
