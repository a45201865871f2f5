using SigmaSight.Service.Batches;
using SigmaSight.Service.MarketData.Http;

namespace SigmaSight.UnitTests.MarketData.Http;

/// <summary>
/// What the HTTP provider does when the fake vendor keeps failing or answers what cannot be read: a transient error
/// naming the symbol once the policy gives up (retries or total timeout), a non-transient one at once for a malformed
/// body or a refused key.
/// </summary>
[Collection(VendorTiming.Name)]
public sealed class FmpProviderFailureTests : IAsyncLifetime
{
    private FakeVendorServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeVendorServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GivesUp_AfterMaxRetries_WithATransientErrorNamingTheSymbol()
    {
        _server.Serve("IBM", new FakeAnswer(500, "down"));
        using var client = new VendorClient(_server.BaseUrl);

        var fetch = () => client.FetchAsync("IBM");

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

        var (exception, elapsed) = await TimedAsync(() => client.FetchAsync("IBM"));

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

        var fetch = () => client.FetchAsync("MSFT", "IBM");

        (await fetch.Should().ThrowAsync<MarketDataFormatException>()).WithMessage(message)
            .Which.Should().BeAssignableTo<NonTransientBatchException>("a retry cannot fix a broken contract");
        _server.Attempts("IBM").Should().ContainSingle();
    }

    [Fact]
    public async Task RefusesAtOnce_WhenTheVendorRejectsTheKey()
    {
        _server.Serve("IBM", new FakeAnswer(401, """{"Error Message":"Invalid API KEY."}"""));
        using var client = new VendorClient(_server.BaseUrl);

        var fetch = () => client.FetchAsync("IBM");

        (await fetch.Should().ThrowAsync<NonTransientBatchException>())
            .WithMessage("provider fmp refused the request for IBM with 401 Unauthorized: check MarketData:Http:ApiKey")
            .Which.Message.Should().NotContain(VendorClient.ApiKey);
        _server.Attempts("IBM").Should().ContainSingle();
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
