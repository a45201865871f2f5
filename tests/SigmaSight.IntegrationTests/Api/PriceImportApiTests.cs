using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.IntegrationTests.MarketData.Import;

namespace SigmaSight.IntegrationTests.Api;

/// <summary>POST /api/prices/import: the API key, per-line 400 problems, the summary, gzip bodies and skipBadRows.</summary>
[Collection(SharedDatabase.Name)]
public sealed class PriceImportApiTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private const string Csv = "date,symbol,close\n2026-10-26,ZZA,10\n2026-10-27,ZZA,11\n";

    [Fact]
    public async Task Import_Returns401_WithoutTheKey_AndWritesNothing()
    {
        await TestDatabase.ExecuteAsync("DELETE FROM sigmasight.prices WHERE symbol LIKE 'ZZ%'");
        using var client = fixture.Host.Client();

        var (status, body) = await PostCsvAsync(client, "/api/prices/import", Csv, key: null);

        status.Should().Be(HttpStatusCode.Unauthorized);
        body.GetProperty("detail").GetString().Should().Contain("the X-Api-Key header is missing");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.prices WHERE symbol LIKE 'ZZ%'")).Should().Be(0);
    }

    [Fact]
    public async Task Import_Returns400WithEveryBadLine_AndWritesNothing()
    {
        await TestDatabase.ExecuteAsync("DELETE FROM sigmasight.prices WHERE symbol LIKE 'ZZ%'");
        using var client = fixture.Host.Client();

        var (status, body) = await PostCsvAsync(client, "/api/prices/import", Csv + "2026-10-31,ZZA,12\n2026-10-28,ZZB,-1\n");

        status.Should().Be(HttpStatusCode.BadRequest);
        body.GetProperty("errorCount").GetInt64().Should().Be(2);
        body.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("line").GetInt64()}: {e.GetProperty("reason").GetString()}")
            .Should().Equal("4: 2026-10-31 is not an NYSE trading day (Saturday)", "5: close -1 is not > 0");
        body.GetProperty("detail").GetString().Should().Contain("nothing was written");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.prices WHERE symbol LIKE 'ZZ%'")).Should().Be(0);
    }

    [Fact]
    public async Task Import_Returns200WithTheSummary_ForAGzipBody_AndSkipBadRowsWritesTheGoodRows()
    {
        await TestDatabase.ExecuteAsync("DELETE FROM sigmasight.prices WHERE symbol LIKE 'ZZ%'");
        using var client = fixture.Host.Client();

        var (status, body) = await PostAsync(client, "/api/prices/import?source=vendor",
            new ByteArrayContent(PriceImports.Gzip(Encoding.UTF8.GetBytes(Csv))), "application/gzip");
        status.Should().Be(HttpStatusCode.OK, body.ToString());
        (body.GetProperty("rowsRead").GetInt64(), body.GetProperty("inserted").GetInt64(), body.GetProperty("rejected").GetInt64())
            .Should().Be((2L, 2L, 0L));

        var (skipped, summary) = await PostCsvAsync(client, "/api/prices/import?skipBadRows=true",
            "date,symbol,close\n2026-10-26,ZZA,10\n2026-10-27,ZZA,11.5\n2026-10-28,ZZA,x\n");
        skipped.Should().Be(HttpStatusCode.OK, summary.ToString());
        (summary.GetProperty("unchanged").GetInt64(), summary.GetProperty("updated").GetInt64(), summary.GetProperty("closesChanged").GetInt64())
            .Should().Be((1L, 1L, 1L));
        summary.GetProperty("errors")[0].GetProperty("line").GetInt64().Should().Be(4);
        summary.GetProperty("changes")[0].GetProperty("newClose").GetDecimal().Should().Be(11.5m);
        (await PriceImports.StoredAsync("symbol LIKE 'ZZ%'")).Should().Equal("ZZA|2026-10-26|10.000000", "ZZA|2026-10-27|11.500000");
        (await TestDatabase.ScalarAsync<string>("SELECT source FROM sigmasight.prices WHERE symbol = 'ZZA' AND date = '2026-10-27'"))
            .Should().Be("import");
    }

    /// <summary>Every content type the endpoint documents reaches the importer (routing checks its Accepts list first).</summary>
    [Theory]
    [InlineData("text/plain", false)]
    [InlineData("application/x-gzip", true)]
    [InlineData("application/octet-stream", true)]
    public async Task Import_Returns200_ForEachAcceptedContentType(string type, bool gzip)
    {
        using var client = fixture.Host.Client();
        var csv = Encoding.UTF8.GetBytes("date,symbol,close\n2026-10-26,ZZT,10\n");

        var (status, body) = await PostAsync(client, "/api/prices/import", new ByteArrayContent(gzip ? PriceImports.Gzip(csv) : csv), type);

        status.Should().Be(HttpStatusCode.OK, body.ToString());
        body.GetProperty("rowsRead").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task Import_Returns415_ForAJsonBody()
    {
        using var client = fixture.Host.Client();

        var (status, _) = await PostAsync(client, "/api/prices/import", new StringContent("{}"), "application/json");

        status.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("text/csv;;=")]
    [InlineData("/")]
    public async Task Import_Returns400NamingTheHeader_ForAContentTypeThatIsNotAMediaType(string type)
    {
        using var client = fixture.Host.Client();
        var content = new StringContent(Csv, Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", type);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/prices/import") { Content = content };
        request.Headers.Add("X-Api-Key", ApiCalls.Key);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        problem.GetProperty("errors").GetProperty("Content-Type")[0].GetString().Should()
            .Be($"the Content-Type header '{type}' is not a media type: send text/csv (or gzip)");
    }

    [Fact]
    public async Task Import_Returns400NamingTheSource_WhenItHasAControlCharacter_AndWritesNothing()
    {
        await TestDatabase.ExecuteAsync("DELETE FROM sigmasight.prices WHERE symbol LIKE 'ZZ%'");
        using var client = fixture.Host.Client();

        var (status, body) = await PostCsvAsync(client, "/api/prices/import?source=a%00b", Csv);

        status.Should().Be(HttpStatusCode.BadRequest, body.ToString());
        body.GetProperty("errors").GetProperty("source")[0].GetString().Should().Be("source 'a\\u0000b' contains a control character (U+0000)");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM sigmasight.prices WHERE symbol LIKE 'ZZ%'")).Should().Be(0);
    }

    [Theory]
    [InlineData("date,symbol,close\n2026-10-26,ZZ\0A,10\n", "symbol 'ZZ\\u0000A' contains a control character (U+0000)")]
    [InlineData("date,symbol,close\n2026-10-26,ZZA,99999999999999.9999999\n",
        "close 99999999999999.9999999 is too large (at most 14 integer digits once rounded to 6 decimals)")]
    public async Task Import_Returns400NamingTheLine_ForAValueTheColumnCannotHold(string csv, string reason)
    {
        await TestDatabase.ExecuteAsync("DELETE FROM sigmasight.prices WHERE symbol LIKE 'ZZ%'");
        using var client = fixture.Host.Client();

        var (status, body) = await PostCsvAsync(client, "/api/prices/import", csv);

        status.Should().Be(HttpStatusCode.BadRequest, body.ToString());
        body.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("line").GetInt64()}: {e.GetProperty("reason").GetString()}")
            .Should().Equal($"2: {reason}");
    }

    [Fact]
    public async Task Import_Returns400_ForABodyWithTheGzipMagicBytesThenGarbage()
    {
        using var client = fixture.Host.Client();

        var (status, body) = await PostAsync(client, "/api/prices/import",
            new ByteArrayContent([0x1f, 0x8b, .. Encoding.ASCII.GetBytes("not deflate data at all")]), "application/gzip");

        status.Should().Be(HttpStatusCode.BadRequest, body.ToString());
        body.GetProperty("errors")[0].GetProperty("reason").GetString().Should().Contain("it is not a valid gzip file");
    }

    private static Task<(HttpStatusCode, JsonElement)> PostCsvAsync(HttpClient client, string path, string csv, string? key = ApiCalls.Key) =>
        PostAsync(client, path, new StringContent(csv, Encoding.UTF8), "text/csv", key);

    private static async Task<(HttpStatusCode, JsonElement)> PostAsync(HttpClient client, string path, HttpContent content, string type,
        string? key = ApiCalls.Key)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
