using System.Diagnostics;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.MarketData.Synthetic;
using SigmaSight.Service.Portfolios.Demo;

namespace SigmaSight.UnitTests.MarketData;

public class SyntheticMarketTests
{
    private const int Seed = 20250630;
    private static readonly NyseCalendar Calendar = new();
    private static readonly DateOnly Anchor = new(2025, 6, 30);

    private static SyntheticMarket Market(int seed = Seed, int originDays = 400) =>
        new(new SyntheticMarketDefinition(seed, Anchor, DemoCatalog.AnchorCloses, originDays), Calendar);

    [Fact]
    public void Closes_AreIdentical_WhateverRangeIsRequestedAndAcrossInstances()
    {
        var market = Market();
        var day = new DateOnly(2025, 3, 14);
        var single = market.Closes("AAPL", day, day);
        var late = market.Closes("AAPL", new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 2));
        var other = Market();
        var longRange = other.Closes("AAPL", new DateOnly(2020, 1, 1), new DateOnly(2026, 12, 31));

        single.Should().ContainSingle().Which.Key.Should().Be(day);
        longRange.Should().Contain(single).And.Contain(late);
        other.Closes("AAPL", day, day).Should().Equal(single);
    }

    [Fact]
    public void Closes_DoNotDependOnOrigin_ExceptForTheirStart()
    {
        var shortHistory = Market(originDays: 100).Closes("NVDA", new DateOnly(2025, 1, 1), new DateOnly(2026, 6, 30));
        var longHistory = Market(originDays: 1000).Closes("NVDA", new DateOnly(2025, 1, 1), new DateOnly(2026, 6, 30));

        // The anchor pins both series, and the daily returns are the same functions of (seed, symbol, date).
        longHistory.Where(c => c.Key >= shortHistory[0].Key).Should().Equal(shortHistory);
    }

    [Fact]
    public void Closes_EqualAnchor_OnAnchorDate()
    {
        var market = Market();
        foreach (var (symbol, anchor) in DemoCatalog.AnchorCloses)
        {
            market.Closes(symbol, Anchor, Anchor).Should().Equal([new KeyValuePair<DateOnly, decimal>(Anchor, anchor)]);
        }
    }

    [Fact]
    public void Closes_CoverExactlyTheTradingDaysFromOrigin()
    {
        var market = Market();
        var closes = market.Closes("VIX", new DateOnly(2000, 1, 1), new DateOnly(2027, 12, 31));

        market.Origin.Should().Be(Calendar.AddTradingDays(Anchor, -400));
        closes.Select(c => c.Key).Should()
            .Equal(Calendar.TradingDays(market.Origin, new DateOnly(2027, 12, 31)));
        closes.Should().OnlyContain(c => c.Value > 0 && Math.Round(c.Value, 4) == c.Value);
    }

    [Fact]
    public void Closes_AreEmpty_WhenRangeIsEmptyOrBeforeOrigin()
    {
        var market = Market();
        market.Closes("SPY", new DateOnly(2025, 7, 5), new DateOnly(2025, 7, 6)).Should().BeEmpty();
        market.Closes("SPY", new DateOnly(2025, 7, 10), new DateOnly(2025, 7, 1)).Should().BeEmpty();
        market.Closes("SPY", market.Origin.AddDays(-30), market.Origin.AddDays(-1)).Should().BeEmpty();
    }

    [Fact]
    public void Closes_AreEmptyAndKnowsIsFalse_ForUnknownSymbol()
    {
        var market = Market();
        market.Knows("NOPE").Should().BeFalse();
        market.Knows("A16Z_VC_FUND").Should().BeFalse();
        market.Knows("SPY").Should().BeTrue();
        market.Closes("NOPE", Anchor.AddDays(-30), Anchor).Should().BeEmpty();
    }

    [Fact]
    public void Closes_Differ_WhenSeedsDiffer()
    {
        var from = Anchor.AddDays(-60);
        var day = Market(Seed).Closes("MSFT", from, from);
        Market(Seed + 1).Closes("MSFT", from, from).Should().NotEqual(day);
    }

    [Fact]
    public void Closes_AreConsistent_WhenRequestedConcurrently()
    {
        var expected = Market().Closes("TSLA", new DateOnly(2024, 1, 1), new DateOnly(2028, 12, 31));
        var shared = Market();
        var results = new IReadOnlyList<KeyValuePair<DateOnly, decimal>>[16];
        Parallel.For(0, results.Length, i =>
            results[i] = shared.Closes("TSLA", new DateOnly(2024, 1, 1), new DateOnly(2025 + (i % 4), 12, 31)));

        results.Should().OnlyContain(r => expected.Take(r.Count).SequenceEqual(r));
    }

    [Fact]
    public void Closes_AreFast_For100SymbolsOver5Years()
    {
        var anchors = Enumerable.Range(0, 100).ToDictionary(i => $"S{i:000}", i => 10m + i, StringComparer.Ordinal);
        var stopwatch = Stopwatch.StartNew();
        var market = new SyntheticMarket(new SyntheticMarketDefinition(Seed, Anchor, anchors, 1260), Calendar);
        var count = anchors.Keys.Sum(s => market.Closes(s, DateOnly.MinValue, Anchor).Count);
        stopwatch.Stop();

        count.Should().Be(100 * 1261);
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2)); // typically a few tens of milliseconds
    }
}
