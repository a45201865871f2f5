using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SigmaSight.IntegrationTests.Api;
using SigmaSight.IntegrationTests.Infrastructure;

namespace SigmaSight.IntegrationTests.Portfolios;

/// <summary>POST /api/portfolios/import: the API key, line errors as a 400 problem, and the summary.</summary>
[Collection(SharedDatabase.Name)]
public sealed class PortfolioImportApiTests : IAsyncLifetime
{
    private WebTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await WebTestHost.StartAsync(new Dictionary<string, string?> { ["Api:Key"] = ApiCalls.Key });

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Body, string? MediaType)> PostAsync(
        string? lots, string? flows, string? key = ApiCalls.Key)
    {
        using var form = new MultipartFormDataContent();
        if (lots is not null) form.Add(Part(lots), "lots", "lots.csv");
        if (flows is not null) form.Add(Part(flows), "flows", "flows.csv");
        return await SendAsync(form, key);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body, string? MediaType)> SendAsync(HttpContent content, string? key)
    {
        using var client = _host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/portfolios/import") { Content = content };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var body = string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, body, response.Content.Headers.ContentType?.MediaType);
    }

    private static ByteArrayContent Part(string csv)
    {
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return part;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Import_Returns401_WithoutTheApiKey_AndWritesNothing(string? key)
    {
        var (status, body, mediaType) = await PostAsync(ImportBook.Lots, ImportBook.Flows, key);

        status.Should().Be(HttpStatusCode.Unauthorized);
        mediaType.Should().Be("application/problem+json");
        body.GetProperty("status").GetInt32().Should().Be(401);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.portfolios")).Should().Be(0);
    }

    [Fact]
    public async Task Import_Returns400_NamingEachBadLineByPart_AndWritesNothing()
    {
        var lots = ImportBook.LotsWith(1, $"{ImportBook.LongShort},pm@test.example,TSLA,SHRT,PUBLIC,-80,318.00,2026-09-01,,,,,");
        var flows = ImportBook.FlowsWith(1, $"{ImportBook.LongShort},2026-10-15,WITHDRAWAL,0");

        var (status, problem, mediaType) = await PostAsync(lots, flows);

        status.Should().Be(HttpStatusCode.BadRequest, problem.ToString());
        mediaType.Should().Be("application/problem+json");
        problem.GetProperty("errors").GetProperty("lots").EnumerateArray().Select(e => e.GetString())
            .Should().Equal("line 3: unknown position type 'SHRT' (expected LONG, SHORT, LC, LP, SC, SP)");
        problem.GetProperty("errors").GetProperty("flows").EnumerateArray().Select(e => e.GetString())
            .Should().Equal("line 3: amount 0 is not positive");
        problem.GetProperty("errorCount").GetInt32().Should().Be(2);
        problem.GetProperty("detail").GetString().Should().StartWith("import refused: 2 error(s), nothing was written")
            .And.Contain("lots line 3: unknown position type 'SHRT'").And.Contain("flows line 3: amount 0 is not positive");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.portfolios")).Should().Be(0);
    }

    [Fact]
    public async Task Import_Refuses_ABodyThatIsNotAFormWithALotsPart()
    {
        var (status, problem, _) = await PostAsync(lots: null, ImportBook.Flows);
        status.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("lots")[0].GetString().Should().Be("the 'lots' part (CSV) is required");

        using var json = new StringContent("{}", Encoding.UTF8, "application/json");
        (status, problem, _) = await SendAsync(json, ApiCalls.Key);
        status.Should().Be(HttpStatusCode.UnsupportedMediaType, "the route accepts multipart/form-data only");
    }

    [Fact]
    public async Task Import_Returns400NamingTheHeader_ForAMultipartContentTypeWithoutABoundary()
    {
        using var body = new StringContent("lots=x", Encoding.UTF8);
        body.Headers.Remove("Content-Type");
        body.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");

        var (status, problem, _) = await SendAsync(body, ApiCalls.Key);

        status.Should().Be(HttpStatusCode.BadRequest, problem.ToString());
        problem.GetProperty("errors").GetProperty("Content-Type")[0].GetString().Should()
            .StartWith("the Content-Type header 'multipart/form-data' has no boundary");
    }

    [Fact]
    public async Task Import_Returns400NamingTheLineAndField_ForDatesOutsideTheSupportedRange_AndAnOverflowingQuantity()
    {
        var lots = ImportBook.Csv(ImportBook.LotsHeader, ImportBook.LotRows.Concat([
            $"{ImportBook.LongShort},pm@test.example,SPYC,LC,OPTIONS,3,14.20,2026-09-02,,,SPY,620,0001-01-01",
            $"{ImportBook.LongShort},pm@test.example,ZZZQ,LONG,PUBLIC,300,205.00,9999-12-31,,,,,",
            $"{ImportBook.LongShort},pm@test.example,AAPL,LONG,PUBLIC,99999999999999.9999999,205.00,2026-09-02,,,,,"]));

        var (status, problem, _) = await PostAsync(lots, ImportBook.Flows);

        status.Should().Be(HttpStatusCode.BadRequest, problem.ToString());
        problem.GetProperty("errors").GetProperty("lots").EnumerateArray().Select(e => e.GetString()).Should().Equal(
            "line 9: expiration_date 0001-01-01 is outside the supported dates 1900-01-01..2199-12-31",
            "line 10: entry_date 9999-12-31 is outside the supported dates 1900-01-01..2199-12-31",
            "line 11: quantity 99999999999999.9999999 is out of range (below 100000000000000 in magnitude once rounded to 6 decimals)");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.portfolios")).Should().Be(0);
    }

    [Fact]
    public async Task Import_Returns200WithTheSummary_ThenNothingChangedOnTheSecondPost()
    {
        var (status, summary, _) = await PostAsync(ImportBook.Lots, ImportBook.Flows);

        status.Should().Be(HttpStatusCode.OK, summary.ToString());
        (summary.GetProperty("portfoliosCreated").GetInt32(), summary.GetProperty("lotsAdded").GetInt32(),
            summary.GetProperty("flowsAdded").GetInt32()).Should().Be((2, 7, 4));
        summary.GetProperty("portfolios").EnumerateArray().Select(p =>
                $"{p.GetProperty("portfolio").GetString()} {p.GetProperty("status").GetString()} {p.GetProperty("inception").GetString()}")
            .Should().Equal($"{ImportBook.Income} created 2026-09-01", $"{ImportBook.LongShort} created 2026-09-01");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.positions")).Should().Be(7);

        (status, summary, _) = await PostAsync(ImportBook.Lots, ImportBook.Flows);

        status.Should().Be(HttpStatusCode.OK);
        summary.GetProperty("nothingChanged").GetBoolean().Should().BeTrue();
        summary.GetProperty("lotsUnchanged").GetInt32().Should().Be(7);
    }
}
