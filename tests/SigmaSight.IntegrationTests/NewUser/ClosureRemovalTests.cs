using System.Net;
using SigmaSight.IntegrationTests.Api;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.NewUser;

/// <summary>
/// Issue 9 point 7: <c>remove-closure &lt;date&gt;</c> and <c>DELETE /api/closures/{date}</c> undo <c>add-closure</c>; the
/// date trades again at once (<c>business-date</c> sees it); an unlisted date is a clear error (exit 64, 404).
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class ClosureRemovalTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> NoSettings = [];
    private WebTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await WebTestHost.StartAsync(new Dictionary<string, string?> { ["Api:Key"] = ApiCalls.Key });

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RemoveClosure_UndoesAddClosure_AndTheDateTradesAgain()
    {
        (await ServiceProcess.RunAsync(NoSettings, "add-closure", "--date", "2026-12-22", "--reason", "storm")).ExitCode.Should().Be(0);
        var (_, closed) = await ServiceProcess.RunAsync(NoSettings, "business-date", "--at", "2026-12-23T03:00:00Z");
        closed.Should().Contain(" 2026-12-21", "the closed 22nd is not a business date");

        var (code, output) = await ServiceProcess.RunAsync(NoSettings, "remove-closure", "2026-12-22");

        code.Should().Be(0, output);
        output.Trim().Should().Be("remove-closure: 2026-12-22 is a trading day again (the closure 'storm' is removed)");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.market_closures")).Should().Be(0);
        var (_, open) = await ServiceProcess.RunAsync(NoSettings, "business-date", "--at", "2026-12-23T03:00:00Z");
        open.Should().Contain(" 2026-12-22");
        var (again, refusal) = await ServiceProcess.RunAsync(NoSettings, "remove-closure", "2026-12-22");
        again.Should().Be(64, refusal);
        refusal.Trim().Should().Be("error: remove-closure: date 2026-12-22 is not in market_closures");
        var (rule, ruled) = await ServiceProcess.RunAsync(NoSettings, "remove-closure", "2026-12-25");
        rule.Should().Be(64, ruled);
        ruled.Should().Contain("it is closed by the NYSE rules (Christmas Day), which cannot be removed");
        var (malformed, plain) = await ServiceProcess.RunAsync(NoSettings, "remove-closure", "12/22/2026");
        malformed.Should().Be(64, plain);
        plain.Trim().Should().Be("error: date '12/22/2026' is not a date: give yyyy-MM-dd (e.g. 2026-12-24)");
    }

    [Fact]
    public async Task DeleteClosure_RemovesIt_And404sWhenNotListed_AndNeedsTheKey()
    {
        using var client = _host.Client();
        (await client.PostAsync("/api/closures", """{"date":"2026-12-22","reason":"storm"}""")).Status.Should().Be(HttpStatusCode.Created);

        using var withoutKey = await client.DeleteAsync("/api/closures/2026-12-22", TestContext.Current.CancellationToken);
        var (removed, body) = await DeleteAsync(client, "/api/closures/2026-12-22");
        var (again, problem) = await DeleteAsync(client, "/api/closures/2026-12-22");
        var (malformed, bad) = await DeleteAsync(client, "/api/closures/12-22-2026");

        withoutKey.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        removed.Should().Be(HttpStatusCode.OK, body);
        body.Should().Contain("\"date\":\"2026-12-22\"").And.Contain("\"reason\":\"storm\"");
        (await client.GetJsonAsync("/api/closures/2026-12-22")).Status.Should().Be(HttpStatusCode.NotFound);
        again.Should().Be(HttpStatusCode.NotFound);
        problem.Should().Contain("date 2026-12-22 is not in market_closures");
        malformed.Should().Be(HttpStatusCode.BadRequest);
        bad.Should().Contain("date '12-22-2026' is not a date: give yyyy-MM-dd");
    }

    private static async Task<(HttpStatusCode Status, string Body)> DeleteAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, path);
        request.Headers.Add("X-Api-Key", ApiCalls.Key);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
