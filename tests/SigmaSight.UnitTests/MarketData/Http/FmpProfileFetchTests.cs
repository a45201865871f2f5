using SigmaSight.Service.MarketData;
using SigmaSight.Service.MarketData.Http;

namespace SigmaSight.UnitTests.MarketData.Http;

/// <summary>
/// The HTTP provider's reference data against the fake vendor: one profile request per symbol with the key, a symbol
/// without a profile absent, each answer (an absence too) kept for <c>ProfileMaxAge</c> so the next night asks nothing,
/// retries as for the daily history, and a malformed profile an error naming the symbol.
/// </summary>
[Collection(VendorTiming.Name)]
public sealed class FmpProfileFetchTests : IAsyncLifetime
{
    private FakeVendorServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeVendorServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AsksEachSymbolsProfileOnce_WithTheKey_AndKeepsTheAnswersForTheNextNight()
    {
        _server.Serve(FakeVendorServer.Profile("IBM"), FakeAnswer.Ok("IBM_profile.json"));
        _server.Serve(FakeVendorServer.Profile("SPY"), FakeAnswer.Ok("SPY_profile.json"));
        _server.Serve(FakeVendorServer.Profile("QQQQ"), new FakeAnswer(200, "[]"));
        using var client = new VendorClient(_server.BaseUrl);

        var first = await client.Provider.GetSecuritiesAsync(["SPY", "IBM", "QQQQ", "NOPE", "IBM"], Token);
        var second = await client.Provider.GetSecuritiesAsync(["IBM", "SPY", "QQQQ", "NOPE"], Token);

        first.Select(s => $"{s.Symbol}|{s.AssetType}|{s.Sector}").Should().Equal("IBM|STOCK|Information Technology", "SPY|ETF|");
        second.Should().Equal(first, "the second night is answered from the kept profiles");
        foreach (var symbol in new[] { "IBM", "SPY", "QQQQ", "NOPE" })
            _server.Attempts(FakeVendorServer.Profile(symbol)).Should().ContainSingle(symbol).Which.Query.Should().Be($"?apikey={VendorClient.ApiKey}");
        _server.Attempts("IBM").Should().BeEmpty("reference data asks for no daily history");
        client.Logs.Should().Contain(l => l.Contains("Provider fmp has no profile for NOPE", StringComparison.Ordinal))
            .And.NotContain(l => l.Contains(VendorClient.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AsksAgainEveryNight_WhenProfileMaxAgeIsZero()
    {
        _server.Serve(FakeVendorServer.Profile("IBM"), FakeAnswer.Ok("IBM_profile.json"));
        using var client = new VendorClient(_server.BaseUrl, new Dictionary<string, string?> { ["MarketData:Http:ProfileMaxAge"] = "00:00:00" });

        await client.Provider.GetSecuritiesAsync(["IBM"], Token);
        await client.Provider.GetSecuritiesAsync(["IBM"], Token);

        _server.Attempts(FakeVendorServer.Profile("IBM")).Should().HaveCount(2);
    }

    [Fact]
    public async Task RetriesA500_ThenReadsTheProfile()
    {
        _server.Script(FakeVendorServer.Profile("IBM"), new FakeAnswer(500, "oops"));
        _server.Serve(FakeVendorServer.Profile("IBM"), FakeAnswer.Ok("IBM_profile.json"));
        using var client = new VendorClient(_server.BaseUrl);

        var securities = await client.Provider.GetSecuritiesAsync(["IBM"], Token);

        securities.Should().ContainSingle().Which.Name.Should().Be("International Business Machines Corporation");
        _server.Attempts(FakeVendorServer.Profile("IBM")).Should().HaveCount(2);
    }

    [Fact]
    public async Task GivesUp_WithATransientErrorNamingTheProfile_AndKeepsNothing()
    {
        _server.Serve(FakeVendorServer.Profile("IBM"), new FakeAnswer(503, "down"));
        using var client = new VendorClient(_server.BaseUrl);

        var fetch = () => client.Provider.GetSecuritiesAsync(["IBM"], Token);

        await fetch.Should().ThrowAsync<MarketDataUnavailableException>()
            .WithMessage("provider fmp: profile of IBM unavailable: 503 ServiceUnavailable after 3 retries");
        _server.Serve(FakeVendorServer.Profile("IBM"), FakeAnswer.Ok("IBM_profile.json"));
        (await fetch()).Should().ContainSingle("a failed request is not kept: the retry asks again");
    }

    [Fact]
    public async Task AMalformedProfile_FailsAtOnce_NamingTheSymbol()
    {
        _server.Serve(FakeVendorServer.Profile("IBM"), new FakeAnswer(200, """[{"symbol":"IBM","companyName":null}]"""));
        using var client = new VendorClient(_server.BaseUrl);

        var fetch = () => client.Provider.GetSecuritiesAsync(["IBM"], Token);

        await fetch.Should().ThrowAsync<MarketDataFormatException>()
            .WithMessage("provider fmp: malformed profile for IBM: 'companyName' is missing or empty");
        _server.Attempts(FakeVendorServer.Profile("IBM")).Should().ContainSingle("a malformed body is not retried");
    }

    [Fact]
    public async Task AStockWhoseSectorMapsToNone_IsKeptUnclassified_WithAWarning()
    {
        _server.Serve(FakeVendorServer.Profile("GE"), FakeAnswer.Ok("GE_profile.json"));
        using var client = new VendorClient(_server.BaseUrl);

        var securities = await client.Provider.GetSecuritiesAsync(["GE"], Token);

        securities.Should().Equal(new SecurityReference("GE", "General Electric Company", "STOCK", null, "Conglomerates"));
        client.Logs.Should().Contain(l => l.StartsWith("Warning", StringComparison.Ordinal)
            && l.Contains("stock GE names sector 'Conglomerates', which maps to no GICS sector", StringComparison.Ordinal));
    }
}
