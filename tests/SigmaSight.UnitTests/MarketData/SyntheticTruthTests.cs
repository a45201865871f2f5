using System.Globalization;
using FluentAssertions.Execution;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Analytics.Regression;
using SigmaSight.Analytics.Series;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.MarketData.Synthetic;
using SigmaSight.Service.Portfolios.Demo;
using static SigmaSight.UnitTests.MarketData.SyntheticTruth;

namespace SigmaSight.UnitTests.MarketData;

/// <summary>
/// Synthetic truth (issue 6, point 7): the demo market's loadings are known, so the real beta kernel
/// (<see cref="SingleFactorBeta.Estimate"/> on SPY) must recover them. The market is the demo's (default seed, closes
/// anchored on <see cref="DemoCatalog.OriginalEntryDate"/>, also the as-of date) with a longer history; a return is
/// a pure function of (seed, symbol, date) and the anchor pins the level, so its last 251 closes are the demo
/// market's (VIX, which mean-reverts and is no holding, is left out). A symbol's expected beta is the population
/// slope its loadings imply (<see cref="SyntheticTruth"/>: market loading × 169/170 for SPY's own noise, plus a
/// ~10⁻⁴ lognormal term; style factors add nothing), not the raw loading. A portfolio's is Σ w_i·β_i over its
/// PUBLIC lots with signed market-value weights at inception; options and private assets are left out.
/// </summary>
/// <remarks>
/// The issue's bounds, ±0.1 per symbol and ±0.05 per portfolio over 250 returns, hold because the market is built for
/// them: a stock's residual on SPY (styles and idiosyncratic noise) is at most about half of the market's σ, so a
/// 250-return slope has a standard error of at most 0.031 for a stock, 0.039 for TLT (its rate factor) and 0.022 for
/// the hedge fund's book (3× gross over net). On this date the largest misses are TLT −0.061 and BRK-B +0.054 and
/// the hedge fund +0.041 (within 2.4 standard errors each). The same bounds hold over 5,000 returns, and the 250-return
/// figures are within four standard errors computed from the model.
/// </remarks>
public class SyntheticTruthTests
{
    private const int SpecifiedWindow = 250;
    private const int LongWindow = 5000;
    private const double SymbolTolerance = 0.1;
    private const double PortfolioTolerance = 0.05;
    private const double StandardErrors = 4;

    private static readonly NyseCalendar Calendar = new();
    private static readonly DateOnly AsOf = DemoCatalog.OriginalEntryDate;
    private static readonly int Seed = new DemoOptions().Seed;
    private static readonly SyntheticMarket Market =
        new(new SyntheticMarketDefinition(Seed, AsOf, DemoCatalog.AnchorCloses, LongWindow), Calendar);

    /// <summary>Every priced demo symbol (held ones and the factor ETFs) but the SPY benchmark and the VIX index.</summary>
    public static TheoryData<string> Symbols =>
        [.. DemoCatalog.AnchorCloses.Keys.Where(s => s is not (Benchmark or "VIX")).Order(StringComparer.Ordinal)];

    /// <summary>The demo portfolios that hold public securities (all but Family Office Private Opportunities).</summary>
    public static TheoryData<string> PortfoliosWithPublicLots =>
        [.. DemoCatalog.Portfolios.Where(p => p.Lots.Any(l => l.InvestmentClass == "PUBLIC")).Select(p => p.Name)];

    [Fact]
    public void SpecifiedWindow_Has251ClosesOfEveryTestedSymbol_EqualToTheDemoMarkets()
    {
        var demo = SyntheticMarketDataProvider.Create(Seed, AsOf, Calendar);
        foreach (var symbol in Symbols.Select(row => row.Data).Append(Benchmark))
        {
            var closes = Market.Closes(symbol, Calendar.AddTradingDays(AsOf, -SpecifiedWindow), AsOf);
            closes.Should().HaveCount(SpecifiedWindow + 1, symbol).And.Equal(demo.Closes(symbol, closes[0].Key, AsOf));
            closes[^1].Key.Should().Be(AsOf);
        }
    }

    [Fact]
    public void GeneratingBeta_IsTheMarketLoadingAttenuatedBySpyNoise()
    {
        foreach (var symbol in new[] { "AAPL", "PTON", "TLT", "BND", "VUG" })
        {
            GeneratingBeta(Market, symbol).Should().BeApproximately(Market.LoadingsOf(symbol).Market * 169 / 170, 1e-3, symbol);
        }

        GeneratingBeta(Market, Benchmark).Should().Be(1.0);
    }

    [Theory]
    [MemberData(nameof(Symbols))]
    public void EstimatedMarketBeta_IsWithinPointOneOfGeneratingBeta_Over5000Returns_ForEachDemoSymbol(string symbol) =>
        EstimatedBeta(symbol, LongWindow).Should().BeApproximately(GeneratingBeta(Market, symbol), SymbolTolerance,
            "{0}'s market loading is {1}", symbol, Market.LoadingsOf(symbol).Market);

    [Theory]
    [MemberData(nameof(PortfoliosWithPublicLots))]
    public void PortfolioMarketBeta_IsWithinPointZeroFiveOfLoadingWeightedBeta_Over5000Returns_ForEachDemoPortfolio(string name)
    {
        var (estimated, generating) = PortfolioBetas(name, LongWindow);
        estimated.Should().BeApproximately(generating, PortfolioTolerance, name);
    }

    [Theory]
    [MemberData(nameof(Symbols))]
    public void EstimatedMarketBeta_IsWithinFourStandardErrorsOfGeneratingBeta_Over250Returns_ForEachDemoSymbol(string symbol)
    {
        var standardError = StandardError(Market, new Dictionary<string, double> { [symbol] = 1.0 }, SpecifiedWindow);
        EstimatedBeta(symbol, SpecifiedWindow).Should().BeApproximately(
            GeneratingBeta(Market, symbol), StandardErrors * standardError, "{0}'s standard error is {1}", symbol, standardError);
    }

    [Theory]
    [MemberData(nameof(PortfoliosWithPublicLots))]
    public void PortfolioMarketBeta_IsWithinFourStandardErrorsOfLoadingWeightedBeta_Over250Returns_ForEachDemoPortfolio(string name)
    {
        var standardError = StandardError(Market, WeightsOf(name), SpecifiedWindow);
        var (estimated, generating) = PortfolioBetas(name, SpecifiedWindow);
        estimated.Should().BeApproximately(generating, StandardErrors * standardError, "{0}'s standard error is {1}", name, standardError);
    }

    /// <summary>The issue's literal bounds over 250 returns, every symbol and every portfolio at once.</summary>
    [Fact]
    public void MarketBetas_AreWithinTheIssuesBounds_Over250Returns()
    {
        var symbolMisses = Symbols.Select(row => row.Data)
            .Select(s => (Name: s, Error: EstimatedBeta(s, SpecifiedWindow) - GeneratingBeta(Market, s)))
            .Where(e => Math.Abs(e.Error) > SymbolTolerance);
        var portfolioMisses = PortfoliosWithPublicLots.Select(row => row.Data)
            .Select(p => (Name: p, Betas: PortfolioBetas(p, SpecifiedWindow)))
            .Select(p => (p.Name, Error: p.Betas.Estimated - p.Betas.Generating))
            .Where(e => Math.Abs(e.Error) > PortfolioTolerance);

        using (new AssertionScope())
        {
            Listed(symbolMisses).Should().BeEmpty("every symbol's beta should be within ±{0}", SymbolTolerance);
            Listed(portfolioMisses).Should().BeEmpty("every portfolio's beta should be within ±{0}", PortfolioTolerance);
        }
    }

    private static string Listed(IEnumerable<(string Name, double Error)> misses) =>
        string.Join("; ", misses.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Name} {m.Error:+0.000;-0.000}")));

    private static (double Estimated, double Generating) PortfolioBetas(string name, int window)
    {
        var weights = WeightsOf(name);
        weights.Values.Sum().Should().BeApproximately(1.0, 1e-12);
        return (weights.Sum(w => w.Value * EstimatedBeta(w.Key, window)),
            weights.Sum(w => w.Value * GeneratingBeta(Market, w.Key)));
    }

    private static Dictionary<string, double> WeightsOf(string name) =>
        PublicWeightsAtInception(DemoCatalog.Portfolios.Single(p => p.Name == name));

    private static double EstimatedBeta(string symbol, int window) =>
        SingleFactorBeta.Estimate(Closes(symbol, window), Closes(Benchmark, window), AsOf, window, minimum: 30).Value.Beta;

    private static DatedCloses Closes(string symbol, int window)
    {
        var closes = Market.Closes(symbol, Calendar.AddTradingDays(AsOf, -window), AsOf);
        return DatedCloses.FromDecimals(symbol, [.. closes.Select(c => c.Key)], [.. closes.Select(c => c.Value)]);
    }
}
