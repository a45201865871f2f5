using System.Net;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.Api;

/// <summary>POST /api/runs and /api/recomputes through real Hangfire servers, then the run read back through the API.</summary>
[Collection(SharedDatabase.Name)]
public sealed class ApiRunTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private const string HedgeFund = "Demo Hedge Fund Style Investor Portfolio";

    [Fact]
    public async Task PostRun_Returns202AndTheRunCompletes_WhenTheKeyIsGiven()
    {
        using var client = fixture.Host.Client();

        var (status, accepted, response) = await client.PostAsync("/api/runs", """{"force":true}""");

        using (response)
        {
            status.Should().Be(HttpStatusCode.Accepted, accepted.ToString());
            var runId = accepted.GetProperty("runId").GetString()!;
            response.Headers.Location!.ToString().Should().Be($"/api/runs/{runId}");
            accepted.GetProperty("location").GetString().Should().Be($"/api/runs/{runId}");
            accepted.GetProperty("joined").GetBoolean().Should().BeFalse("force starts a new run even when another test started one");
            accepted.GetProperty("status").GetString().Should().Be("Running");

            var detail = await client.WaitForRunAsync(runId);

            var run = detail.GetProperty("run");
            run.GetProperty("status").GetString().Should().Be("Completed", run.ToString());
            run.GetProperty("kind").GetString().Should().Be("Nightly");
            run.GetProperty("businessDate").GetString().Should().Be("2026-10-30", "the default is the last completed trading day");
            run.GetProperty("requestedBy").GetString().Should().Be("api");
            detail.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("status").GetString())
                .Should().Equal(["Completed", "Completed", "Completed", "Completed", "Completed"], "five phases, each with every item succeeded");
            var items = detail.GetProperty("items").EnumerateArray().ToList();
            items.Should().NotBeEmpty().And.OnlyContain(i => i.GetProperty("phase").GetInt32() > 0);
            items.Should().OnlyContain(i => i.GetProperty("status").GetString() == "Succeeded"
                && i.GetProperty("attempts").ValueKind == System.Text.Json.JsonValueKind.Number
                && i.GetProperty("jobUrl").GetString() == "/hangfire/jobs/details/" + i.GetProperty("hangfireJobId").GetString());

            foreach (var id in await TestDatabase.RowsAsync("SELECT id FROM sigmasight.portfolios"))
            {
                var (_, snapshots) = await client.GetJsonAsync($"/api/portfolios/{id}/snapshots");
                snapshots.GetProperty("snapshots").GetArrayLength().Should().Be(61, "every trading day since inception, in order");
            }

            var (_, again, second) = await client.PostAsync("/api/runs", """{"date":"2026-10-30"}""");
            second.Dispose();
            again.GetProperty("runId").GetString().Should().Be(runId);
            again.GetProperty("joined").GetBoolean().Should().BeTrue("a second trigger for the same date joins the run");
            var (_, list) = await client.GetJsonAsync("/api/runs?limit=5");
            list.EnumerateArray().Select(r => r.GetProperty("createdAt").GetDateTimeOffset()).Should().BeInDescendingOrder();
            list.EnumerateArray().Should().Contain(r => r.GetProperty("id").GetString() == runId);
        }
    }

    [Fact]
    public async Task PostRecompute_Returns202AndRebuildsThePortfolio_WhenGivenItsName()
    {
        using var client = fixture.Host.Client();
        await CompleteNightlyRunAsync(client);

        var (status, accepted, response) = await client.PostAsync("/api/recomputes", $$"""{"portfolio":"{{HedgeFund}}","from":"2026-10-29"}""");
        response.Dispose();

        status.Should().Be(HttpStatusCode.Accepted, accepted.ToString());
        var detail = await client.WaitForRunAsync(accepted.GetProperty("runId").GetString()!);
        detail.GetProperty("run").GetProperty("status").GetString().Should().Be("Completed", detail.ToString());
        detail.GetProperty("run").GetProperty("kind").GetString().Should().Be("Recompute");
        detail.GetProperty("run").GetProperty("scope").GetString().Should().StartWith("portfolio:");
        var portfolioId = detail.GetProperty("run").GetProperty("scope").GetString()!["portfolio:".Length..];
        var (snapshotStatus, snapshots) = await client.GetJsonAsync($"/api/portfolios/{portfolioId}/snapshots?from=2026-10-28&to=2026-10-30");
        snapshotStatus.Should().Be(HttpStatusCode.OK);
        snapshots.GetProperty("name").GetString().Should().Be(HedgeFund);
        snapshots.GetProperty("snapshots").EnumerateArray().Select(s => s.GetProperty("date").GetString())
            .Should().Equal("2026-10-28", "2026-10-29", "2026-10-30");
    }

    [Fact]
    public async Task PostBackfill_Returns202AndCompletes_WhenTheRangeIsAlreadyCovered()
    {
        using var client = fixture.Host.Client();
        await CompleteNightlyRunAsync(client);

        var (status, accepted, response) = await client.PostAsync("/api/backfills", """{"from":"2026-10-29","to":"2026-10-30"}""");
        response.Dispose();

        status.Should().Be(HttpStatusCode.Accepted, accepted.ToString());
        var detail = await client.WaitForRunAsync(accepted.GetProperty("runId").GetString()!);
        detail.GetProperty("run").GetProperty("kind").GetString().Should().Be("Backfill");
        detail.GetProperty("run").GetProperty("rangeFrom").GetString().Should().Be("2026-10-29");
        detail.GetProperty("run").GetProperty("status").GetString().Should().Be("Completed", detail.ToString());
    }

    [Fact]
    public async Task GetVerify_AfterTheNightly_FindsEverySnapshotAndTheDaysAnalytics_NamesWhatAnEarlierDayLacks_AndWritesNothing()
    {
        using var client = fixture.Host.Client();
        await CompleteNightlyRunAsync(client);
        var runs = await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.batch_runs");

        var (status, month) = await client.GetJsonAsync("/api/verify?from=2026-10-01&to=2026-10-30");
        var (_, latest) = await client.GetJsonAsync("/api/verify");

        status.Should().Be(HttpStatusCode.OK, month.ToString());
        month.GetProperty("complete").GetBoolean().Should().BeTrue(month.ToString());
        month.GetProperty("portfolios").GetInt32().Should().Be(await TestDatabase.ScalarAsync<int>(
            "SELECT count(*)::int FROM sigmasight.portfolios WHERE is_active")).And.BeGreaterThan(1);
        month.GetProperty("snapshotsExpected").GetInt32().Should().Be(await TestDatabase.ScalarAsync<int>(
            "SELECT count(*)::int FROM sigmasight.portfolio_snapshots WHERE snapshot_date BETWEEN '2026-10-01' AND '2026-10-30'")).And.BeGreaterThan(0);
        month.GetProperty("missingSnapshots").GetArrayLength().Should().Be(0);
        month.GetProperty("analyticsDates").EnumerateArray().Select(d => d.GetString()).Should().Equal("2026-10-30");
        (latest.GetProperty("from").GetString(), latest.GetProperty("to").GetString()).Should().Be(("2026-10-30", "2026-10-30"),
            "both dates default to the last completed trading day");

        // Every day's analytics for one portfolio: each family stored for the day before is there, each other one is named.
        var id = await TestDatabase.ScalarAsync<string>($"SELECT id::text FROM sigmasight.portfolios WHERE name = '{HedgeFund}'");
        var stored = await TestDatabase.ScalarAsync<int>(
            $"SELECT count(*)::int FROM sigmasight.analytic_results WHERE portfolio_id = '{id}' AND as_of = '2026-10-29'");
        var (_, days) = await client.GetJsonAsync($"/api/verify?portfolio={id}&from=2026-10-29&to=2026-10-30&analytics=all");
        var named = days.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!)
            .Where(p => p.StartsWith($"missing analytics: {HedgeFund} has no ", StringComparison.Ordinal)).ToList();
        named.Should().OnlyContain(p => p.EndsWith(" on 2026-10-29", StringComparison.Ordinal)).And.HaveCount(stored == 8 ? 0 : 1,
            "the families missing on the same days are one phrase");
        named.SelectMany(p => p[$"missing analytics: {HedgeFund} has no ".Length..^" on 2026-10-29".Length].Split(", "))
            .Should().HaveCount(8 - stored).And.OnlyHaveUniqueItems();
        days.GetProperty("complete").GetBoolean().Should().Be(days.GetProperty("problems").GetArrayLength() == 0);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.batch_runs")).Should().Be(runs, "verify only reads");
    }

    /// <summary>The nightly run for 2026-10-30 (started here, or joined when another test started it): the demo's snapshots.</summary>
    private static async Task CompleteNightlyRunAsync(HttpClient client)
    {
        var (_, nightly, response) = await client.PostAsync("/api/runs", "{}");
        response.Dispose();
        var detail = await client.WaitForRunAsync(nightly.GetProperty("runId").GetString()!);
        detail.GetProperty("run").GetProperty("status").GetString().Should().Be("Completed", detail.ToString());
    }
}
