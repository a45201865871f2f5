using System.Net;
using System.Text.Json;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.Api;

/// <summary>/health/ready on real PostgreSQL and real Hangfire servers, including a database that is really stopped.</summary>
[Collection(SharedDatabase.Name)]
public sealed class HealthTests
{
    [Fact]
    public async Task Ready_Returns200ListingEveryCheck_WhenTheDatabaseAndAServerAreUp()
    {
        await using var host = await WebTestHost.StartAsync(runServers: true);
        using var client = host.Client();

        var (status, body) = await WaitForReadyAsync(client, HttpStatusCode.OK);

        status.Should().Be(HttpStatusCode.OK, body.ToString());
        Check(body, "database").GetProperty("status").GetString().Should().Be("Healthy");
        Check(body, "hangfire-servers").GetProperty("status").GetString().Should().Be("Healthy");
        var nightly = Check(body, "nightly-run");
        nightly.GetProperty("status").GetString().Should().Be("Degraded");
        nightly.GetProperty("description").GetString().Should().Contain("no nightly run yet (expected business date 2026-10-30)");
        body.GetProperty("status").GetString().Should().Be("Degraded", "a missing night degrades, it does not make the host unready");
    }

    [Theory]
    [InlineData("2026-10-30", "Completed", "Healthy", "last nightly run 2026-10-30 is Completed")]
    [InlineData("2026-10-29", "Completed", "Healthy", "expected business date 2026-10-30")]
    [InlineData("2026-10-27", "Completed", "Degraded", "3 trading day(s) behind 2026-10-30")]
    [InlineData("2026-10-30", "CompletedWithErrors", "Degraded", "it needs an operator")]
    [InlineData("2026-10-30", "Failed", "Degraded", "it needs an operator")]
    public async Task Ready_ReportsTheLastNightlyRun_WithItsStatusAndLag(string date, string runStatus, string expected, string description)
    {
        await using var host = await WebTestHost.StartAsync();
        await TestDatabase.ExecuteAsync($"""
            INSERT INTO sigmasight.batch_runs (id, business_date, kind, scope, range_from, range_to, status, requested_by,
                                               trigger_time, created_at, started_at, finished_at)
            VALUES (gen_random_uuid(), '{date}', 'Nightly', 'all', '{date}', '{date}', '{runStatus}', 'test',
                    '2026-10-30T21:00:00Z', '2026-10-30T20:00:00Z', '2026-10-30T20:00:00Z', '2026-10-30T20:30:00Z')
            """);
        using var client = host.Client();

        var (_, body) = await client.GetJsonAsync("/health/ready");

        var nightly = Check(body, "nightly-run");
        nightly.GetProperty("status").GetString().Should().Be(expected, nightly.ToString());
        nightly.GetProperty("description").GetString().Should().Contain(description);
        nightly.GetProperty("data").GetProperty("lastStatus").GetString().Should().Be(runStatus);
        nightly.GetProperty("data").GetProperty("lastAgeHours").GetDouble().Should().Be(0.5);
    }

    /// <summary>Issue 9 point 7: right after the demo's backfill through the last trading day the host is not "no nightly run yet".</summary>
    [Theory]
    [InlineData("Backfill", "all", "Healthy", "last backfill through 2026-10-30 is Completed")]
    [InlineData("Recompute", "portfolio:0a000000-0000-0000-0000-00000000000a", "Degraded", "no nightly run yet")]
    public async Task Ready_CountsACompletedBackfillOfEveryPortfolio_AsTheNightsItCovers(string kind, string scope, string expected,
        string description)
    {
        await using var host = await WebTestHost.StartAsync();
        await TestDatabase.ExecuteAsync($"""
            INSERT INTO sigmasight.batch_runs (id, business_date, kind, scope, range_from, range_to, status, requested_by,
                                               trigger_time, created_at, started_at, finished_at)
            VALUES (gen_random_uuid(), '2026-10-30', '{kind}', '{scope}', '2026-09-01', '2026-10-30', 'Completed', 'test',
                    '2026-10-30T21:00:00Z', '2026-10-30T20:00:00Z', '2026-10-30T20:00:00Z', '2026-10-30T20:30:00Z')
            """);
        using var client = host.Client();

        var (_, body) = await client.GetJsonAsync("/health/ready");

        var nightly = Check(body, "nightly-run");
        nightly.GetProperty("status").GetString().Should().Be(expected, nightly.ToString());
        nightly.GetProperty("description").GetString().Should().Contain(description);
    }

    [Fact]
    public async Task Ready_Returns503WithTheDatabaseUnhealthy_WhenTheDatabaseIsStopped()
    {
        await using var cluster = await ThrowawayCluster.StartAsync();
        await using var host = await WebTestHost.StartAsync(
            new Dictionary<string, string?> { ["Logging:LogLevel:Hangfire"] = "None" }, runServers: true, cluster.ConnectionString);
        using var client = host.Client();
        var (up, upBody) = await WaitForReadyAsync(client, HttpStatusCode.OK);
        up.Should().Be(HttpStatusCode.OK, upBody.ToString());

        await cluster.StopAsync();
        var (down, body) = await client.GetJsonAsync("/health/ready");

        down.Should().Be(HttpStatusCode.ServiceUnavailable, body.ToString());
        body.GetProperty("status").GetString().Should().Be("Unhealthy");
        Check(body, "database").GetProperty("status").GetString().Should().Be("Unhealthy");
        Check(body, "database").GetProperty("description").GetString().Should().Contain("is unreachable");
        Check(body, "hangfire-servers").GetProperty("status").GetString().Should().Be("Unhealthy");
        (await client.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode.Should().Be(HttpStatusCode.OK,
            "the process itself is alive");
    }

    private static JsonElement Check(JsonElement body, string name) =>
        body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    /// <summary>Servers announce their first heartbeat while the host starts; give them a few seconds.</summary>
    private static async Task<(HttpStatusCode, JsonElement)> WaitForReadyAsync(HttpClient client, HttpStatusCode expected)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var (status, body) = await client.GetJsonAsync("/health/ready");
            if (status == expected || waited.Elapsed > TimeSpan.FromSeconds(30)) return (status, body);
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }
}
