using System.Collections.Concurrent;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.MarketData;

namespace SigmaSight.UnitTests.MarketData.Http;

/// <summary>
/// The provider chain (issue 8, point 3): the HTTP vendor first, then a fallback asked only for the symbols and days
/// the vendor lacked; each answer keeps its provider's source.
/// </summary>
[Collection(VendorTiming.Name)]
public sealed class FallbackChainTests : IAsyncLifetime
{
    private static readonly NyseCalendar Calendar = new();
    private static readonly DateOnly From = new(2000, 12, 1);
    private static readonly DateOnly To = new(2000, 12, 29);
    private FakeVendorServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeVendorServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task FallbackFillsTheSymbolTheVendorLacks_AndOnlyIt()
    {
        _server.Serve("IBM", FakeAnswer.Ok("IBM.json"));
        _server.Serve("MSFT", new FakeAnswer(404, "{}"));
        using var vendor = new VendorClient(_server.BaseUrl);
        var fallback = new TableProvider("file", ["IBM", "MSFT"], 50m);
        var chain = new MarketDataChain([vendor.Provider, fallback]);

        var answers = await chain.GetClosesAsync(Calendar, ["MSFT", "IBM"], From, To, TestContext.Current.CancellationToken);

        answers.Select(a => a.Source).Should().Equal("fmp", "file");
        answers[0].Closes.Keys.Should().Equal("IBM");
        answers[0].Closes["IBM"].Should().HaveCount(20).And.OnlyContain(c => c.Value != 50m, "the vendor's closes");
        answers[1].Closes.Keys.Should().Equal("MSFT");
        answers[1].Closes["MSFT"].Select(c => c.Key).Should().Equal(Calendar.TradingDays(From, To));
        fallback.Requests.Should().ContainSingle().Which.Should().Be(("MSFT", From, To), "the fallback is asked for what is missing only");
        chain.Description.Should().Be("fmp then file");
    }

    [Fact]
    public async Task FallbackIsAskedOnlyForTheDaysThePrimaryLacked()
    {
        var primary = new TableProvider("primary", ["AAA", "BBB"], 10m, missing: [new DateOnly(2000, 12, 12), new DateOnly(2000, 12, 14)]);
        var fallback = new TableProvider("fallback", ["AAA", "BBB", "CCC"], 20m);
        var last = new TableProvider("last", ["CCC", "DDD"], 30m);
        var chain = new MarketDataChain([primary, fallback, last]);

        var answers = await chain.GetClosesAsync(Calendar, ["AAA", "BBB", "CCC", "DDD", "ZZZ"], From, To, TestContext.Current.CancellationToken);

        answers.Select(a => a.Source).Should().Equal("primary", "fallback", "last");
        answers[1].Closes["AAA"].Select(c => c.Key).Should().Equal(new DateOnly(2000, 12, 12), new DateOnly(2000, 12, 14));
        answers[1].Closes["CCC"].Should().HaveCount(20);
        answers[2].Closes.Keys.Should().Equal("DDD");
        fallback.Requests.OrderBy(r => r.Symbol).Should().Equal(
            ("AAA", new DateOnly(2000, 12, 12), new DateOnly(2000, 12, 14)), ("BBB", new DateOnly(2000, 12, 12), new DateOnly(2000, 12, 14)),
            ("CCC", From, To), ("DDD", From, To), ("ZZZ", From, To));
        last.Requests.Select(r => r.Symbol).Order().Should().Equal("DDD", "ZZZ");
        answers.SelectMany(a => a.Closes.SelectMany(c => c.Value.Select(v => (c.Key, v.Key)))).Should().OnlyHaveUniqueItems(
            "each close has exactly one source");
    }

    [Fact]
    public async Task SecuritiesComeFromTheFirstProviderThatKnowsThem()
    {
        var chain = new MarketDataChain([new TableProvider("a", ["AAA"], 1m), new TableProvider("b", ["AAA", "BBB"], 1m)]);

        var securities = await chain.GetSecuritiesAsync(["BBB", "AAA", "CCC"], TestContext.Current.CancellationToken);

        securities.Select(s => $"{s.Symbol}:{s.Name}").Should().Equal("AAA:a AAA", "BBB:b BBB");
    }

    /// <summary>A provider with a constant close for its symbols on every trading day but <c>missing</c>; records requests.</summary>
    private sealed class TableProvider(string source, string[] symbols, decimal close, DateOnly[]? missing = null) : IMarketDataProvider
    {
        public ConcurrentQueue<(string Symbol, DateOnly From, DateOnly To)> Requests { get; } = new();

        public string Source => source;

        public Task<IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>>> GetClosesAsync(
            IReadOnlyCollection<string> asked, DateOnly firstDate, DateOnly lastDate, CancellationToken cancellationToken)
        {
            foreach (var symbol in asked) Requests.Enqueue((symbol, firstDate, lastDate));
            IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>> answer = asked.Where(symbols.Contains)
                .ToDictionary(s => s, IReadOnlyList<KeyValuePair<DateOnly, decimal>> (_) =>
                    [.. Calendar.TradingDays(firstDate, lastDate).Where(d => missing?.Contains(d) != true).Select(d => KeyValuePair.Create(d, close))]);
            return Task.FromResult(answer);
        }

        public Task<IReadOnlyList<SecurityReference>> GetSecuritiesAsync(IReadOnlyCollection<string> asked, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<SecurityReference>>([.. asked.Where(symbols.Contains).Select(s => new SecurityReference(s, $"{source} {s}", "STOCK", null, null))]);
    }
}
