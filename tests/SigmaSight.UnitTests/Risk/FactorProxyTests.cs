using SigmaSight.Analytics.Regression;
using SigmaSight.Analytics.Series;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.Risk;
using SigmaSight.Service.Risk.Symbols;

namespace SigmaSight.UnitTests.Risk;

/// <summary>
/// The configured benchmark and rate proxy are what the market and rate betas regress on (analytics conventions:
/// "Interest-rate beta: the same OLS against the rate proxy's returns"), the same symbols the stress tests shock.
/// </summary>
public class FactorProxyTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 30);
    private static readonly IReadOnlyList<FactorDefinition> Factors = FactorCatalog.Definitions();
    private static readonly string[] Symbols = ["AAA", "SPY", "TLT", "IEF"];

    [Fact]
    public void ProxyOf_IsTheConfiguredBenchmarkAndRateProxy_AndTheStoredEtfOtherwise()
    {
        var settings = new AnalyticsOptions { MarketBenchmark = "NYA", RateProxy = "IEF" };
        Factors.Where(f => f.IsActive).ToDictionary(f => f.Name, f => FactorCatalog.ProxyOf(f.Name, f.EtfProxy, settings))
            .Should().Contain(FactorCatalog.MarketBeta, "NYA").And.Contain(FactorCatalog.IrBeta, "IEF")
            .And.Contain(FactorCatalog.Value, "VTV").And.Contain(FactorCatalog.MomentumSpread, "MTUM");
        FactorCatalog.ProxiesOf(FactorCatalog.IrBeta, "TLT", null, settings).Should().Equal("IEF");
    }

    [Fact]
    public void SymbolFigures_RegressTheRateBetaOnTheConfiguredRateProxy()
    {
        var closes = Symbols.Select((s, i) => Series(s, seed: i + 1)).ToDictionary(c => c.Name);
        var factors = Factors.Where(f => f.Name is FactorCatalog.MarketBeta or FactorCatalog.IrBeta).ToList();

        var withIef = IrBeta(new AnalyticsOptions { RateProxy = "IEF" });
        var withTlt = IrBeta(new AnalyticsOptions());

        withIef.Should().BeApproximately(Beta(closes["AAA"], closes["IEF"]), 1e-12);
        withTlt.Should().BeApproximately(Beta(closes["AAA"], closes["TLT"]), 1e-12);
        withIef.Should().NotBeApproximately(withTlt, 1e-3, "the two proxies' returns are independent draws");

        double IrBeta(AnalyticsOptions settings) => new SymbolFigures(factors, settings).Compute("AAA", closes, AsOf)
            .Exposures.Single(e => e.Factor == FactorCatalog.IrBeta).Beta!.Value;
    }

    private static double Beta(DatedCloses symbol, DatedCloses proxy)
    {
        SingleFactorBeta.Estimate(symbol, proxy, AsOf).TryGetValue(out var fit).Should().BeTrue();
        return fit!.Beta;
    }

    /// <summary>120 weekday closes ending on <see cref="AsOf"/>, a random walk of its own seed.</summary>
    private static DatedCloses Series(string name, int seed)
    {
        var random = new Random(seed);
        var dates = new List<DateOnly>();
        for (var d = AsOf; dates.Count < 120; d = d.AddDays(-1))
            if (d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday) dates.Add(d);
        dates.Reverse();
        var close = 100.0;
        var closes = dates.Select(_ => close *= 1 + (random.NextDouble() - 0.5) * 0.04).ToArray();
        return new DatedCloses(name, dates.ToArray(), closes);
    }
}
