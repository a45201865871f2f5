using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Portfolios.Demo;

namespace SigmaSight.IntegrationTests.Api;

/// <summary>
/// Issue 7, 6: after a real batch (API, dashboard and Hangfire servers up, one symbol made to fail so errors are
/// stored), no stored row, dashboard page, log line or error response holds the database password, the connection
/// string or an API key. The connection string carries a distinctive password (the test cluster trusts local
/// connections, so the server ignores it while every component still carries it).
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class SecretLeakTests
{
    private static readonly string Password = $"pw-{Guid.NewGuid():N}";
    private static readonly string WriteKey = $"write-key-{Guid.NewGuid():N}";
    private static readonly string ReadKey = $"read-key-{Guid.NewGuid():N}";

    [Fact]
    public async Task RunWithApiAndDashboard_LeaksNoSecret_IntoJobsPagesLogsOrErrors()
    {
        var connection = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Password = Password }.ConnectionString;
        await TestDatabase.ResetAsync();
        var logs = new CapturedLogs();
        await using var host = await WebTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Api:Key"] = WriteKey,
            ["Api:ReadKey"] = ReadKey,
            ["Demo:InceptionTradingDaysBack"] = "5",
            ["Analytics:TestFailSymbols:0"] = "AAPL",
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Hangfire"] = "Information",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        }, runServers: true, connectionString: connection, bindAddress: "0.0.0.0", configureServices: s => s.AddSingleton<ILoggerProvider>(logs));
        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(reset: false, CancellationToken.None);
        using var client = host.Client();
        var artifacts = new List<(string Where, string Text)>();

        var (accepted, run, response) = await client.PostAsync("/api/backfills", """{"from":"2026-10-23","to":"2026-10-30"}""", WriteKey);
        response.Dispose();
        accepted.Should().Be(HttpStatusCode.Accepted, run.ToString());
        var runId = run.GetProperty("runId").GetString()!;
        var finished = await WaitAsync(client, runId);
        finished.Should().Be("CompletedWithErrors", "AAPL's symbol analytics fail, so errors are stored and shown");

        artifacts.AddRange(await ErrorResponsesAsync(client, runId));
        artifacts.AddRange(await DashboardPagesAsync(client, runId));
        artifacts.AddRange(await StoredRowsAsync());
        artifacts.AddRange(logs.Lines.Select((l, i) => ($"log line {i}", l)));

        artifacts.Should().Contain(a => a.Where.StartsWith("hangfire.job", StringComparison.Ordinal) && a.Text.Contains("AAPL", StringComparison.Ordinal)
            || a.Where.StartsWith("hangfire.state", StringComparison.Ordinal) && a.Text.Contains("injected failure", StringComparison.Ordinal),
            "the failure must have been stored, or the grep proves little");
        logs.Lines.Count.Should().BeGreaterThan(50, "the host logged the run");
        foreach (var secret in new[] { Password, connection, WriteKey, ReadKey })
            artifacts.Where(a => a.Text.Contains(secret, StringComparison.Ordinal)).Select(a => a.Where).Should().BeEmpty(
                $"no artifact may hold a secret (checked {artifacts.Count}: {artifacts.Count(a => a.Where.StartsWith("page", StringComparison.Ordinal))} pages, " +
                $"{logs.Lines.Count} log lines, {artifacts.Count(a => a.Where.StartsWith("error", StringComparison.Ordinal))} error responses, " +
                $"{artifacts.Count(a => a.Where.Contains('.', StringComparison.Ordinal) && !a.Where.StartsWith("log", StringComparison.Ordinal))} tables)");
        TestContext.Current.TestOutputHelper?.WriteLine($"secret grep: {artifacts.Count} artifacts, {logs.Lines.Count} log lines, none holds a secret");
    }

    private static async Task<string> WaitAsync(HttpClient client, string runId)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/runs/{runId}");
            request.Headers.Add("X-Api-Key", ReadKey);
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
            var status = body.GetProperty("run").GetProperty("status").GetString()!;
            if (status != "Running" || waited.Elapsed > TimeSpan.FromSeconds(240)) return status;
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Refusals of every kind: no key, a wrong key, the read key on a POST, malformed JSON, bad dates, unknown ids.</summary>
    private static async Task<List<(string, string)>> ErrorResponsesAsync(HttpClient client, string runId)
    {
        (string Method, string Path, string? Body, string? Key)[] requests =
        [
            ("GET", "/api/runs", null, null),
            ("GET", "/api/runs", null, WriteKey + "x"),
            ("POST", "/api/runs", "{}", ReadKey),
            ("POST", "/api/runs", "{}", "not-a-key"),
            ("POST", "/api/runs", """{"date":""", WriteKey),
            ("POST", "/api/runs", """{"date":"2026-10-31"}""", WriteKey),
            ("POST", "/api/backfills", """{"from":"1976-01-02","to":"2026-10-30"}""", WriteKey),
            ("GET", "/api/runs/not-a-guid", null, ReadKey),
            ("GET", $"/api/runs/{runId}x", null, ReadKey),
            ("GET", "/api/portfolios/00000000-0000-0000-0000-000000000001/risk", null, ReadKey),
            ("GET", $"/api/runs/{runId}", null, ReadKey),
        ];
        var answers = new List<(string, string)>();
        foreach (var (method, path, body, key) in requests)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            if (key is not null) request.Headers.Add("X-Api-Key", key);
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            answers.Add(($"error response {method} {path} {(int)response.StatusCode}",
                response.Headers + "\n" + await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        }
        answers.Take(answers.Count - 1).Should().OnlyContain(a => !a.Item1.EndsWith(" 200", StringComparison.Ordinal), "each must be an error");
        return answers;
    }

    /// <summary>The dashboard's pages, including every failed job's details (their exception texts).</summary>
    private static async Task<List<(string, string)>> DashboardPagesAsync(HttpClient client, string runId)
    {
        var jobs = await TestDatabase.RowsAsync("SELECT id FROM hangfire.job ORDER BY (statename = 'Failed') DESC, id LIMIT 12");
        var paths = new[]
        {
            "/hangfire", "/hangfire/jobs/succeeded", "/hangfire/jobs/failed", "/hangfire/jobs/enqueued", "/hangfire/jobs/awaiting",
            "/hangfire/retries", "/hangfire/recurring", "/hangfire/servers", "/hangfire/runs", $"/hangfire/runs/{runId}",
        }.Concat(jobs.Select(id => $"/hangfire/jobs/details/{id}"));
        var pages = new List<(string, string)>();
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            response.StatusCode.Should().Be(HttpStatusCode.OK, path);
            pages.Add(($"page {path}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        }
        return pages;
    }

    /// <summary>Every row of every table of both schemas, Hangfire's job arguments and invocation data included.</summary>
    private static async Task<List<(string, string)>> StoredRowsAsync()
    {
        var tables = await TestDatabase.RowsAsync(
            "SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname IN ('sigmasight', 'hangfire') ORDER BY 1");
        var rows = new List<(string, string)>();
        foreach (var table in tables)
        {
            var (schema, name) = (table.Split('.')[0], table.Split('.')[1]);
            var text = await TestDatabase.RowsAsync($"SELECT t::text FROM \"{schema}\".\"{name}\" t");
            rows.Add((table, string.Join("\n", text)));
        }
        return rows;
    }
}
