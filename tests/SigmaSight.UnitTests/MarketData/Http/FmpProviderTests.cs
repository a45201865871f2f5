using System.Globalization;
using SigmaSight.Service.MarketData.Http;

namespace SigmaSight.UnitTests.MarketData.Http;

/// <summary>
/// The HTTP provider against a local fake Financial Modeling Prep (issue 8, point 3): recorded bodies are read exactly,
/// 429 (Retry-After honoured), 500 and attempt timeouts are retried within the policy, a malformed body is an error
/// naming the symbol (<see cref="FmpProviderFailureTests"/>), a symbol the vendor lacks is absent, and the API key
/// appears in no log line.
/// </summary>
[Collection(VendorTiming.Name)]
public sealed class FmpProviderTests : IAsyncLifetime
{
    private FakeVendorServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeVendorServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static List<KeyValuePair<DateOnly, decimal>> IbmCloses() =>
    [
        .. FakeVendorServer.Recorded("IBM_closes.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(','))
            .Select(f => KeyValuePair.Create(DateOnly.ParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), decimal.Parse(f[1], CultureInfo.InvariantCulture))),
    ];

    [Fact]
    public async Task ReadsTheRecordedHistory_OldestFirst_AskingForTheRangeWithTheKey()
    {
        _server.Serve("IBM", FakeAnswer.Ok("IBM.json"));
        using var client = new VendorClient(_server.BaseUrl);

        var (closes, _) = await client.FetchAsync("IBM");

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

        var (closes, elapsed) = await client.FetchAsync("IBM");

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

        var (closes, elapsed) = await client.FetchAsync("IBM");

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

        var (closes, elapsed) = await client.FetchAsync("IBM");

        closes["IBM"].Should().Equal(IbmCloses());
        var attempts = _server.Attempts("IBM");
        attempts.Should().HaveCount(2);
        (attempts[1].At - attempts[0].At).Should().BeGreaterThan(TimeSpan.FromMilliseconds(290), "the 300 ms attempt timeout");
        elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(300)).And.BeLessThan(TimeSpan.FromSeconds(2.5),
            "the slow attempt was abandoned, not awaited for 3 s");
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

        var (closes, _) = await client.FetchAsync("IBM", "XYZ");

        closes.Keys.Should().Equal("IBM");
        _server.Attempts("XYZ").Should().ContainSingle("a 404 or an empty history is an answer, not a failure");
    }

    [Fact]
    public async Task NeverLogsTheApiKey_EvenWhenRetrying()
    {
        _server.Script("IBM", new FakeAnswer(500, "oops"), new FakeAnswer(200, "slow", Delay: TimeSpan.FromSeconds(2)));
        _server.Serve("IBM", FakeAnswer.Ok("IBM.json"));
        _server.Serve("XYZ", new FakeAnswer(404, "{}"));
        using var client = new VendorClient(_server.BaseUrl);

        await client.FetchAsync("IBM", "XYZ");

        client.Logs.Should().NotBeEmpty("the resilience pipeline and the provider log at Trace");
        client.Logs.Should().Contain(l => l.Contains("XYZ", StringComparison.Ordinal));
        client.Logs.Should().NotContain(l => l.Contains(VendorClient.ApiKey, StringComparison.Ordinal));
    }
}
