using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.Api;

/// <summary>
/// Issue 7, 6: reading portfolio data over the API needs a key whenever the host listens beyond loopback (Api:ReadKey,
/// or Api:Key, which also allows reads); on a loopback-only host local reads stay open. Each host here is bound either
/// to 127.0.0.1 or to 0.0.0.0 on a free port; the client always connects through 127.0.0.1.
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class ApiReadAccessTests
{
    private const string ReadKey = "read-only-key-0123456789";
    private static readonly string[] ReadPaths = ["/api/runs", "/api/closures", "/api/portfolios/00000000-0000-0000-0000-000000000001/snapshots", "/api/verify"];

    [Fact]
    public async Task LoopbackHost_AnswersLocalReadsWithoutAKey()
    {
        await using var host = await WebTestHost.StartAsync(Keys());
        using var client = host.Client();

        foreach (var path in ReadPaths)
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            response.StatusCode.Should().NotBe(HttpStatusCode.Unauthorized, path);
        }
        (await client.GetJsonAsync("/api/runs")).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task LoopbackHost_RefusesAReadForwardedFromARemoteClient_WithoutAKey()
    {
        await using var host = await WebTestHost.StartAsync(Keys());
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/runs");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Contain("remote client (203.0.113.7)");
    }

    [Fact]
    public async Task BeyondLoopback_Refuses401WithoutAKey_Answers200WithTheReadKeyOrTheWriteKey()
    {
        await using var host = await WebTestHost.StartAsync(Keys(), bindAddress: "0.0.0.0");
        using var client = host.Client();

        foreach (var path in ReadPaths)
        {
            var (status, problem) = await GetAsync(client, path, key: null);
            status.Should().Be(HttpStatusCode.Unauthorized, path);
            problem.Should().Contain("the X-Api-Key header is missing").And.Contain("listens beyond loopback (http://0.0.0.0:")
                .And.Contain("Api:ReadKey");
        }
        (await GetAsync(client, "/api/runs", "not-the-key-0123456789")).Status.Should().Be(HttpStatusCode.Unauthorized);
        (await GetAsync(client, "/api/runs", ReadKey)).Status.Should().Be(HttpStatusCode.OK);
        (await GetAsync(client, "/api/runs", ApiCalls.Key)).Status.Should().Be(HttpStatusCode.OK);
        (await GetAsync(client, "/api/portfolios/00000000-0000-0000-0000-000000000001/snapshots", ReadKey)).Status
            .Should().Be(HttpStatusCode.NotFound, "with the key the request reaches the endpoint");
    }

    [Fact]
    public async Task BeyondLoopback_TheReadKeyCannotPost_AndNothingIsStarted()
    {
        await using var host = await WebTestHost.StartAsync(Keys(), bindAddress: "0.0.0.0");
        using var client = host.Client();

        var (status, problem, response) = await client.PostAsync("/api/runs", "{}", ReadKey);
        response.Dispose();

        status.Should().Be(HttpStatusCode.Forbidden);
        problem.GetProperty("detail").GetString().Should().Contain("read-only key (Api:ReadKey)").And.Contain("needs Api:Key");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.batch_runs")).Should().Be(0);
    }

    [Fact]
    public async Task BeyondLoopback_WithoutAnyKeyConfigured_RefusesEveryRead_AndSaysSoAtStartup()
    {
        var logs = new CapturedLogs();
        await using var host = await WebTestHost.StartAsync(bindAddress: "0.0.0.0",
            configureServices: s => s.AddSingleton<ILoggerProvider>(logs));
        using var client = host.Client();

        var (status, problem) = await GetAsync(client, "/api/runs", key: "anything-at-all-0123");

        status.Should().Be(HttpStatusCode.Unauthorized);
        problem.Should().Contain("neither Api:ReadKey nor Api:Key is set").And.Contain("configure Api:ReadKey");
        logs.Lines.Should().Contain(l => l.StartsWith("Warning", StringComparison.Ordinal)
            && l.Contains("listens beyond loopback", StringComparison.Ordinal) && l.Contains("Api:ReadKey", StringComparison.Ordinal));
    }

    private static Dictionary<string, string?> Keys() => new() { ["Api:Key"] = ApiCalls.Key, ["Api:ReadKey"] = ReadKey };

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
