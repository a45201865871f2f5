using System.Globalization;
using SigmaSight.Service.Batches;
using SigmaSight.Service.MarketData.Http;

namespace SigmaSight.UnitTests.MarketData.Http;

/// <summary>
/// The HTTP provider against a local fake Financial Modeling Prep (issue 8, point 3): recorded bodies are read exactly,
/// 429 (Retry-After honoured), 500 and attempt timeouts are retried within the policy, a malformed body is an error
/// naming the symbol, a symbol the vendor lacks is absent, and the API key appears in no log line.
/// </summary>
[Collection(VendorTiming.Name)]
public sealed class FmpProviderTests : IAsyncLifetime
{
    private static readonly DateOnly From = new(2000, 12, 1);
    private static readonly DateOnly To = new(2000, 12, 29);
    private FakeVendorServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeVendorServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static List<KeyValuePair<DateOnly, decimal>> IbmCloses() =>
    [
        .. FakeVendorServer.Recorded("IBM_closes.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(','))
            .Select(f => KeyValuePair.Create(DateOnly.ParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), decimal.Parse(f[1], CultureInfo.InvariantCulture))),
    ];

    private static async Task<(IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>> Closes, TimeSpan Elapsed)> FetchAsync(
        VendorClient client, params string[] symbols)
    {
        await client.WarmUpAsync();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var closes = await client.Provider.GetClosesAsync(symbols, From, To, TestContext.Current.CancellationToken);
        return (closes, watch.Elapsed);
    }

    [Fact]
    public async Task ReadsTheRecordedHistory_OldestFirst_AskingForTheRangeWithTheKey()
    {
        _server.Serve("IBM", FakeAnswer.Ok("IBM.json"));
        using var client = new VendorClient(_server.BaseUrl);

        var (closes, _) = await FetchAsync(client, "IBM");

        closes.Should().ContainKey("IBM").WhoseValue.Should().Equal(IbmCloses());
        IbmCloses().Should().HaveCount(20);
        _server.Attempts("IBM").Should().ContainSingle().Which.Query.Should()
            .Be($"?from=2000-12-01&to=2000-12-29&apikey={VendorClient.ApiKey}");
        client.Provider.Source.Should().Be("fmp");
    }

    [Fact]
    public async Task KeepsOnlyTheRequestedDays_WhenTheVendorAnswersMore()
    {
        _server.Serve("IBM", FakeAnswer.Ok("IBM.json"));
        using var client = new VendorClient(_server.BaseUrl);

        var closes = await client.Provider.GetClosesAsync(["IBM"], new DateOnly(2000, 12, 27), new DateOnly(2000, 12, 28),
            TestContext.Current.CancellationToken);

        closes["IBM"].Should().Equal(IbmCloses().Where(c => c.Key.Day is 27 or 28));
    }

    [Fact]
    public async Task RetriesA429_AfterTheDelayItsRetryAfterAsks()
    {
        _server.Script("IBM", new FakeAnswer(429, """{"message":"Limit Reach"}""", RetryAfterSeconds: 1));
        _server.Serve("IBM", FakeAnswer.Ok("IBM.json"));
        using var client = new VendorClient(_server.BaseUrl);

        var (closes, elapsed) = await FetchAsync(client, "IBM");

        closes["IBM"].Should().Equal(IbmCloses());
        var attempts = _server.Attempts("IBM");
        attempts.Should().HaveCount(2);
        (attempts[1].At - attempts[0].At).Should().BeGreaterThan(TimeSpan.FromMilliseconds(950),
            "Retry-After: 1 replaces the 20 ms backoff");
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task RetriesA500_WithAShortBackoff()
    {
        _server.Script("IBM", new FakeAnswer(500, "oops"), new FakeAnswer(503, "busy"));
        _server.Serve("IBM", FakeAnswer.Ok("IBM.json"));
        using var client = new VendorClient(_server.BaseUrl);

        var (closes, elapsed) = await FetchAsync(client, "IBM");

        closes["IBM"].Should().Equal(IbmCloses());
        _server.Attempts("IBM").Should().HaveCount(3);
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2), "two retries with a 20 ms exponential backoff");
    }

    [Fact]
    public async Task RetriesAnAttemptThatTimesOut()
    {
        _server.Script("IBM", new FakeAnswer(200, FakeVendorServer.Recorded("IBM.json"), Delay: TimeSpan.FromSeconds(3)));
        _server.Serve("IBM", FakeAnswer.Ok("IBM.json"));
        using var client = new VendorClient(_server.BaseUrl);

        var (closes, elapsed) = await FetchAsync(client, "IBM");

        closes["IBM"].Should().Equal(IbmCloses());
        var attempts = _server.Attempts("IBM");
        attempts.Should().HaveCount(2);
        (attempts[1].At - attempts[0].At).Should().BeGreaterThan(TimeSpan.FromMilliseconds(290), "the 300 ms attempt timeout");
        elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(300)).And.BeLessThan(TimeSpan.FromSeconds(2.5),
            "the slow attempt was abandoned, not awaited for 3 s");
    }

    [Fact]
    public async Task GivesUp_AfterMaxRetries_WithATransientErrorNamingTheSymbol()
    {
        _server.Serve("IBM", new FakeAnswer(500, "down"));
        using var client = new VendorClient(_server.BaseUrl);

        var fetch = () => FetchAsync(client, "IBM");

        (await fetch.Should().ThrowAsync<MarketDataUnavailableException>())
            .WithMessage("provider fmp: daily history of IBM unavailable: 500 InternalServerError after 3 retries")
            .Which.Should().NotBeAssignableTo<NonTransientBatchException>("Hangfire retries the chunk later");
        _server.Attempts("IBM").Should().HaveCount(4, "the first attempt and MaxRetries = 3 retries");
    }

    [Fact]
    public async Task GivesUp_WhenTheTotalTimeoutPasses()
    {
        _server.Serve("IBM", new FakeAnswer(200, "{}", Delay: TimeSpan.FromSeconds(2)));
        using var client = new VendorClient(_server.BaseUrl, new Dictionary<string, string?>
        {
            ["MarketData:Http:TotalTimeout"] = "00:00:01.500", ["MarketData:Http:MaxRetries"] = "10",
        });

        var (exception, elapsed) = await TimedAsync(() => FetchAsync(client, "IBM"));

        exception.Should().BeOfType<MarketDataUnavailableException>().Which.Message.Should().StartWith("provider fmp: daily history of IBM unavailable");
        elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(1.4)).And.BeLessThan(TimeSpan.FromSeconds(3.5),
            "the 1.5 s total timeout ends the retries long before ten 2 s answers");
        _server.Attempts("IBM").Should().HaveCountGreaterThanOrEqualTo(2, "300 ms attempts within 1.5 s").And.HaveCountLessThanOrEqualTo(5);
    }

    [Theory]
    [InlineData("truncated.json", "provider fmp: malformed daily history for IBM: the body is not JSON (*); it starts with '{*")]
    [InlineData("string_close.json", "provider fmp: malformed daily history for IBM: historical[2].close (2000-12-27) is missing or not a number")]
    [InlineData("no_historical.json", "provider fmp: malformed daily history for IBM: the object has no 'historical' array")]
    [InlineData("MSFT.json", "provider fmp: malformed daily history for IBM: the answer is for symbol 'MSFT'")]
    public async Task RefusesAMalformedBody_NamingTheSymbolAndTheFault_WithoutRetrying(string file, string message)
    {
        _server.Serve("IBM", FakeAnswer.Ok(file));
        _server.Serve("MSFT", FakeAnswer.Ok("MSFT.json"));
        using var client = new VendorClient(_server.BaseUrl);

        var fetch = () => FetchAsync(client, "MSFT", "IBM");

        (await fetch.Should().ThrowAsync<MarketDataFormatException>()).WithMessage(message)
            .Which.Should().BeAssignableTo<NonTransientBatchException>("a retry cannot fix a broken contract");
        _server.Attempts("IBM").Should().ContainSingle();
    }

    [Theory]
    [InlineData(404, "{}")]
    [InlineData(200, "{}")]
    [InlineData(200, """{"symbol":"XYZ","historical":[]}""")]
    public async Task LeavesASymbolTheVendorLacksAbsent(int status, string body)
    {
        _server.Serve("XYZ", new FakeAnswer(status, body));
        _server.Serve("IBM", FakeAnswer.Ok("IBM.json"));
        using var client = new VendorClient(_server.BaseUrl);

        var (closes, _) = await FetchAsync(client, "IBM", "XYZ");

        closes.Keys.Should().Equal("IBM");
        _server.Attempts("XYZ").Should().ContainSingle("a 404 or an empty history is an answer, not a failure");
    }

    [Fact]
    public async Task RefusesAtOnce_WhenTheVendorRejectsTheKey()
    {
        _server.Serve("IBM", new FakeAnswer(401, """{"Error Message":"Invalid API KEY."}"""));
        using var client = new VendorClient(_server.BaseUrl);

        var fetch = () => FetchAsync(client, "IBM");

        (await fetch.Should().ThrowAsync<NonTransientBatchException>())
            .WithMessage("provider fmp refused the request for IBM with 401 Unauthorized: check MarketData:Http:ApiKey")
            .Which.Message.Should().NotContain(VendorClient.ApiKey);
        _server.Attempts("IBM").Should().ContainSingle();
    }

    [Fact]
    public async Task NeverLogsTheApiKey_EvenWhenRetrying()
    {
        _server.Script("IBM", new FakeAnswer(500, "oops"), new FakeAnswer(200, "slow", Delay: TimeSpan.FromSeconds(2)));
        _server.Serve("IBM", FakeAnswer.Ok("IBM.json"));
        _server.Serve("XYZ", new FakeAnswer(404, "{}"));
        using var client = new VendorClient(_server.BaseUrl);

        await FetchAsync(client, "IBM", "XYZ");

        client.Logs.Should().NotBeEmpty("the resilience pipeline and the provider log at Trace");
        client.Logs.Should().Contain(l => l.Contains("XYZ", StringComparison.Ordinal));
        client.Logs.Should().NotContain(l => l.Contains(VendorClient.ApiKey, StringComparison.Ordinal));
    }

    private static async Task<(Exception? Exception, TimeSpan Elapsed)> TimedAsync(Func<Task> action)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await action();
            return (null, watch.Elapsed);
        }
        catch (Exception e)
        {
            return (e, watch.Elapsed);
        }
    }
}
