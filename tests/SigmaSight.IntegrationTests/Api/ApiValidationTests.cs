using System.Net;
using System.Text.Json;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.Api;

/// <summary>Every refusal of the API is an RFC 7807 problem that names the field and the reason.</summary>
[Collection(SharedDatabase.Name)]
public sealed class ApiValidationTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    [Theory]
    [InlineData(null, "the X-Api-Key header is missing")]
    [InlineData("wrong-key", "does not hold the API key")]
    [InlineData("test-api-key-012345678", "does not hold the API key")]
    public async Task Post_Returns401Problem_BeforeReadingTheBody_WhenTheKeyIsMissingOrWrong(string? key, string reason)
    {
        using var client = fixture.Host.Client();
        var before = await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.batch_runs");

        foreach (var path in new[] { "/api/runs", "/api/backfills", "/api/recomputes", "/api/closures" })
        {
            var (status, problem, response) = await client.PostAsync(path, "{not json", key);

            status.Should().Be(HttpStatusCode.Unauthorized, path);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            problem.GetProperty("detail").GetString().Should().Contain(reason);
            response.Dispose();
        }
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.batch_runs")).Should().Be(before);
    }

    [Theory]
    [InlineData("""{"date":"2026-10-31"}""", "date", "date 2026-10-31 is not an NYSE trading day (Saturday)")]
    [InlineData("""{"date":"2026-11-26"}""", "date", "date 2026-11-26 is not an NYSE trading day (Thanksgiving Day)")]
    [InlineData("""{"date":"2026-11-02"}""", "date", "date 2026-11-02 has no closing prices yet: the last completed trading day is 2026-10-30")]
    [InlineData("""{"date":"2026-13-01"}""", "date", "date: expected a date as yyyy-MM-dd")]
    [InlineData("""{"date":20261030}""", "date", "date: expected a date as yyyy-MM-dd")]
    [InlineData("""{"force":"yes"}""", "force", "force: expected true or false")]
    [InlineData("""{"day":"2026-10-30"}""", "day", "day is not a field of this request")]
    [InlineData("""{"date":""", "body", "not valid JSON")]
    public async Task PostRun_Returns400ProblemNamingTheField_WhenTheBodyIsInvalid(string json, string field, string reason)
    {
        using var client = fixture.Host.Client();

        var (status, problem, response) = await client.PostAsync("/api/runs", json);

        using (response)
        {
            status.Should().Be(HttpStatusCode.BadRequest, problem.ToString());
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            problem.GetProperty("status").GetInt32().Should().Be(400);
            problem.GetProperty("errors").GetProperty(field)[0].GetString().Should().Contain(reason);
            problem.GetProperty("detail").GetString().Should().Contain(reason);
        }
    }

    [Theory]
    [InlineData("/api/backfills", "{}", "from", "from is required")]
    [InlineData("/api/backfills", """{"from":"2026-10-30","to":"2026-10-01"}""", "from", "from 2026-10-30 is after to 2026-10-01")]
    [InlineData("/api/backfills", """{"from":"2026-10-01","to":"2026-11-02"}""", "to", "to 2026-11-02 has no closing prices yet")]
    [InlineData("/api/recomputes", """{"from":"2026-10-01"}""", "portfolio", "portfolio is required")]
    [InlineData("/api/recomputes", """{"portfolio":"No Such Fund","from":"2026-10-01"}""", "portfolio", "portfolio 'No Such Fund' does not exist")]
    [InlineData("/api/recomputes", """{"portfolio":"Demo Individual Investor Portfolio","from":"2026-11-02"}""", "from", "is after the last completed trading day 2026-10-30")]
    [InlineData("/api/closures", """{"date":"2026-10-31","reason":"x"}""", "date", "date 2026-10-31 is already closed (Saturday)")]
    [InlineData("/api/closures", """{"date":"2026-12-16"}""", "reason", "reason is required")]
    [InlineData("/api/closures", """{"date":"2026-12-16","reason":"  "}""", "reason", "reason is required")]
    [InlineData("/api/closures", """{"date":"2026-12-16","reason":"a\u0000b"}""", "reason", "reason 'a\\u0000b' contains a control character (U+0000)")]
    [InlineData("/api/backfills", """{"from":"2026-10-01","to":"2026-10-25"}""", "to",
        "to 2026-10-25 is not an NYSE trading day (Sunday); the last trading day on or before it is 2026-10-23")]
    [InlineData("/api/backfills", """{"from":"2026-10-24","to":"2026-10-30"}""", "from",
        "from 2026-10-24 is not an NYSE trading day (Saturday); the first trading day on or after it is 2026-10-26")]
    [InlineData("/api/backfills", """{"from":"0001-01-01","to":"2026-10-30"}""", "from", "from 0001-01-01 is outside the supported dates 1900-01-01..2199-12-31")]
    [InlineData("/api/recomputes", """{"portfolio":"a\u0000b","from":"2026-10-01"}""", "portfolio", "portfolio 'a\\u0000b' contains a control character (U+0000)")]
    [InlineData("/api/recomputes", """{"portfolio":"Demo Individual Investor Portfolio","from":"0001-01-01"}""", "from", "from 0001-01-01 is outside the supported dates")]
    public async Task Post_Returns400ProblemNamingTheField_WhenARangeOrNameIsInvalid(string path, string json, string field, string reason)
    {
        using var client = fixture.Host.Client();

        var (status, problem, response) = await client.PostAsync(path, json);

        response.Dispose();
        status.Should().Be(HttpStatusCode.BadRequest, problem.ToString());
        problem.GetProperty("errors").GetProperty(field)[0].GetString().Should().Contain(reason);
    }

    [Fact]
    public async Task PostClosure_Returns201Then409_AndTheCalendarHonoursItAtOnce()
    {
        using var client = fixture.Host.Client();

        var (created, closure, response) = await client.PostAsync("/api/closures", """{"date":"2026-12-15","reason":"national day of mourning"}""");
        response.Headers.Location!.ToString().Should().Be("/api/closures/2026-12-15");
        response.Dispose();
        var (conflict, problem, again) = await client.PostAsync("/api/closures", """{"date":"2026-12-15","reason":"again"}""");
        again.Dispose();
        var (refused, runProblem, run) = await client.PostAsync("/api/runs", """{"date":"2026-12-15"}""");
        run.Dispose();

        created.Should().Be(HttpStatusCode.Created, closure.ToString());
        closure.GetProperty("reason").GetString().Should().Be("national day of mourning");
        conflict.Should().Be(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString().Should().Contain("2026-12-15 is already in market_closures");
        refused.Should().Be(HttpStatusCode.BadRequest);
        runProblem.GetProperty("detail").GetString().Should().Be("date 2026-12-15 is not an NYSE trading day (operator closure)");
        var (_, one) = await client.GetJsonAsync("/api/closures/2026-12-15");
        one.GetProperty("reason").GetString().Should().Be("national day of mourning");
    }

    [Theory]
    [InlineData("/api/runs/not-a-run", HttpStatusCode.BadRequest, "id 'not-a-run' is not a run id")]
    [InlineData("/api/runs/00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound, "run 00000000-0000-0000-0000-000000000001 does not exist")]
    [InlineData("/api/runs?limit=0", HttpStatusCode.BadRequest, "limit 0 is out of range")]
    [InlineData("/api/runs?limit=many", HttpStatusCode.BadRequest, "limit")]
    [InlineData("/api/portfolios/00000000-0000-0000-0000-000000000001/snapshots", HttpStatusCode.NotFound, "portfolio 00000000-0000-0000-0000-000000000001 does not exist")]
    [InlineData("/api/portfolios/00000000-0000-0000-0000-000000000001/snapshots?from=2026-10-30&to=2026-10-01", HttpStatusCode.BadRequest, "from 2026-10-30 is after to 2026-10-01")]
    [InlineData("/api/portfolios/00000000-0000-0000-0000-000000000001/snapshots?from=banana", HttpStatusCode.BadRequest, "from")]
    [InlineData("/api/verify?from=2026-10-31", HttpStatusCode.BadRequest, "from 2026-10-31 is not an NYSE trading day (Saturday)")]
    [InlineData("/api/verify?from=0001-01-01", HttpStatusCode.BadRequest, "from 0001-01-01 is outside the supported dates 1900-01-01..2199-12-31")]
    [InlineData("/api/portfolios/00000000-0000-0000-0000-000000000001/risk?date=2026-10-31", HttpStatusCode.BadRequest,
        "date 2026-10-31 is not an NYSE trading day (Saturday)")]
    [InlineData("/api/verify?from=2026-10-30&to=2026-10-01", HttpStatusCode.BadRequest, "from 2026-10-30 is after to 2026-10-01")]
    [InlineData("/api/verify?to=2026-11-02", HttpStatusCode.BadRequest, "to 2026-11-02 has no closing prices yet: the last completed trading day is 2026-10-30")]
    [InlineData("/api/verify?to=10/30/2026", HttpStatusCode.BadRequest, "to '10/30/2026' is not a date")]
    [InlineData("/api/verify?analytics=every", HttpStatusCode.BadRequest, "analytics 'every' is not one of: last, all")]
    [InlineData("/api/verify?portfolio=hedge", HttpStatusCode.BadRequest, "portfolio 'hedge' is not a portfolio id (a GUID)")]
    [InlineData("/api/verify?portfolio=00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound, "portfolio 00000000-0000-0000-0000-000000000001 does not exist")]
    [InlineData("/api/nothing-here", HttpStatusCode.NotFound, "")]
    public async Task Get_ReturnsProblem_WhenTheRequestCannotBeAnswered(string path, HttpStatusCode expected, string detail)
    {
        using var client = fixture.Host.Client();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(expected);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        problem.GetProperty("status").GetInt32().Should().Be((int)expected);
        if (detail.Length > 0) problem.GetProperty("detail").GetString().Should().Contain(detail);
    }

    [Fact]
    public async Task OpenApiDocument_ListsEveryEndpoint()
    {
        using var client = fixture.Host.Client();

        var (status, document) = await client.GetJsonAsync("/openapi/v1.json");

        status.Should().Be(HttpStatusCode.OK);
        var paths = document.GetProperty("paths");
        paths.EnumerateObject().Select(p => p.Name).Should().Contain(
            ["/api/runs", "/api/runs/{id}", "/api/backfills", "/api/recomputes", "/api/closures", "/api/portfolios/{id}/snapshots", "/api/portfolios/import", "/api/verify"]);
        paths.GetProperty("/api/runs").TryGetProperty("post", out _).Should().BeTrue();
        paths.GetProperty("/api/runs").TryGetProperty("get", out _).Should().BeTrue();
        var post = paths.GetProperty("/api/runs").GetProperty("post");
        post.GetProperty("responses").TryGetProperty("202", out _).Should().BeTrue();
        post.GetProperty("security")[0].TryGetProperty("ApiKey", out _).Should().BeTrue();
        document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("name").GetString()
            .Should().Be("X-Api-Key");
    }
}
