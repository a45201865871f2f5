using System.Net;
using System.Text.Json;
using SigmaSight.IntegrationTests.Api;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Batches;

namespace SigmaSight.IntegrationTests.NewUser;

/// <summary>
/// Issue 9 point 7, run ids: three runs whose time-ordered ids share their first 13 characters (as runs started within a
/// minute do). The CLI (<c>runs</c>, <c>status</c>), the API (<c>GET /api/runs/{id}</c>) and the Runs page accept the
/// shown form and any unique prefix or suffix, refuse an ambiguous one listing the matches, and show ids unique on the page.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class RunReferenceTests : IAsyncLifetime
{
    private static readonly Guid A = Guid.Parse("019ad3f1-7c2e-7a10-8f3b-5d2a9c41e7b0");
    private static readonly Guid B = Guid.Parse("019ad3f1-7c2e-7b44-9e01-c3f08a6d2e51");
    private static readonly Guid C = Guid.Parse("019ad3f1-9a04-7c99-a2d7-0b6e4f1c93b0");
    private static readonly Dictionary<string, string> NoSettings = [];
    private WebTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await WebTestHost.StartAsync();
        var day = 23;
        foreach (var id in new[] { A, B, C })
        {
            day++;
            await TestDatabase.ExecuteAsync($"""
                INSERT INTO sigmasight.batch_runs (id, business_date, kind, scope, range_from, range_to, status, requested_by,
                    trigger_time, created_at, started_at, finished_at)
                VALUES ('{id}', '2026-11-{day}', 'Nightly', 'all', '2026-11-{day}', '2026-11-{day}', 'Completed', 'test',
                    '2026-11-{day} 22:00Z', '2026-11-{day} 22:00:{day}Z', '2026-11-{day} 22:00:{day}Z', '2026-11-{day} 22:01:{day}Z')
                """);
        }
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RunPage_PagesItsItems_InsteadOfShowingOnlyTheFirst300()
    {
        await TestDatabase.ExecuteAsync($"""
            INSERT INTO sigmasight.batch_items (run_id, phase, item_key, status, attempts, late_success)
            SELECT '{A}', 3, 'pnl:' || lpad(n::text, 4, '0'), CASE WHEN n = 307 THEN 'Failed' ELSE 'Succeeded' END, 1, false
              FROM generate_series(1, 307) AS n
            """);
        using var client = _host.Client();

        var first = await client.GetStringAsync($"/hangfire/runs/{A}", TestContext.Current.CancellationToken);
        var second = await client.GetStringAsync($"/hangfire/runs/{A}?page=2", TestContext.Current.CancellationToken);

        first.Should().Contain("Items 1–300 of 307 (page 1 of 2), unsuccessful first.").And.Contain($"href=\"/hangfire/runs/{A}?page=2\"")
            .And.Contain("pnl:0307", "the failed item comes first").And.NotContain("pnl:0300");
        ItemRows(first).Should().Be(300);
        second.Should().Contain("Items 301–307 of 307 (page 2 of 2)").And.Contain("pnl:0300").And.Contain("pnl:0306")
            .And.NotContain("pnl:0307").And.NotContain("pnl:0001<");
        ItemRows(second).Should().Be(7);
    }

    private static int ItemRows(string html) => html.Split("<tr class=\"run-item\"").Length - 1;

    [Fact]
    public async Task Cli_AcceptsTheShownFormAndUniquePrefixesAndSuffixes_AndListsTheMatchesOfAnAmbiguousOne()
    {
        var (listed, list) = await ServiceProcess.RunAsync(NoSettings, "runs", "--limit", "2");
        listed.Should().Be(0, list);
        list.Should().Contain(C.ToString()).And.Contain(B.ToString()).And.NotContain(A.ToString(), "--limit 2")
            .And.Contain("2026-11-26 22:00:26", "the created time in UTC");

        foreach (var reference in new[] { RunReferences.Shown(A), "019ad3f1-7c2e-7a", "5D2A9C41E7B0" })
        {
            var (code, output) = await ServiceProcess.RunAsync(NoSettings, "status", reference);
            code.Should().Be(0, output);
            output.Should().StartWith($"run {A}  Nightly  2026-11-24..2026-11-24  status Completed", reference);
        }

        var (ambiguous, refusal) = await ServiceProcess.RunAsync(NoSettings, "status", "019ad3f1-7c2e");
        ambiguous.Should().Be(64, refusal);
        refusal.Should().Contain("run '019ad3f1-7c2e' is ambiguous: it matches").And.Contain(A.ToString()).And.Contain(B.ToString())
            .And.NotContain(C.ToString()).And.NotContain("System.");
    }

    [Fact]
    public async Task RunsJson_ListsEveryRunWithItsTimes_NewestFirst()
    {
        var (code, output) = await ServiceProcess.RunAsync(NoSettings, "runs", "--json");

        code.Should().Be(0, output);
        var runs = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        runs.Select(r => r.GetProperty("id").GetGuid()).Should().Equal(C, B, A);
        runs[0].GetProperty("status").GetString().Should().Be("Completed");
        runs[0].GetProperty("createdAt").GetDateTimeOffset().Should().Be(new DateTimeOffset(2026, 11, 26, 22, 0, 26, TimeSpan.Zero));
        runs[0].GetProperty("durationSeconds").GetDouble().Should().Be(60);
    }

    [Fact]
    public async Task Api_FindsARunByAUniquePrefixOrSuffix_400sAnAmbiguousOne_And404sAnUnknownOne()
    {
        using var client = _host.Client();

        var (found, run) = await client.GetJsonAsync($"/api/runs/{RunReferences.Shown(B)}");
        var (byPrefix, prefixed) = await client.GetJsonAsync("/api/runs/019ad3f1-9a");
        var (ambiguous, problem) = await client.GetJsonAsync("/api/runs/019ad3f1");
        var (unknown, missing) = await client.GetJsonAsync("/api/runs/abcdef");

        found.Should().Be(HttpStatusCode.OK);
        run.GetProperty("run").GetProperty("id").GetGuid().Should().Be(B);
        byPrefix.Should().Be(HttpStatusCode.OK);
        prefixed.GetProperty("run").GetProperty("id").GetGuid().Should().Be(C);
        ambiguous.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().Contain("is ambiguous").And.Contain(A.ToString()).And.Contain(B.ToString())
            .And.Contain(C.ToString());
        unknown.Should().Be(HttpStatusCode.NotFound);
        missing.GetProperty("detail").GetString().Should().Be("run abcdef does not exist");
    }

    [Fact]
    public async Task RunsPage_ShowsIdsUniqueOnThePage_AndItsShownFormOpensTheRun()
    {
        using var client = _host.Client();

        var list = await client.GetStringAsync("/hangfire/runs", TestContext.Current.CancellationToken);
        using var page = await client.GetAsync($"/hangfire/runs/{RunReferences.Shown(C)}", TestContext.Current.CancellationToken);
        using var ambiguous = await client.GetAsync("/hangfire/runs/019ad3f1", TestContext.Current.CancellationToken);

        foreach (var id in new[] { A, B, C }) list.Should().Contain($"<code>{RunReferences.Shown(id)}</code>");
        list.Should().NotContain("<code>019ad3f1</code>", "the first 8 characters repeat across runs");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Contain($"<code>{C}</code>");
        ambiguous.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ambiguous.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Contain("is ambiguous");
    }
}
