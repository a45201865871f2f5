using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.MarketData.Synthetic;
using SigmaSight.Service.Portfolios.Demo;

namespace SigmaSight.UnitTests.MarketData;

/// <summary>Statistical sanity of the factor model over 2,000 trading days.</summary>
public class SyntheticMarketStatisticsTests
{
    private static readonly DateOnly Anchor = new(2025, 6, 30);
    private static readonly SyntheticMarket Market =
        new(new SyntheticMarketDefinition(7, Anchor, DemoCatalog.AnchorCloses, 2000), new NyseCalendar());

    [Theory]
    [InlineData("AAPL")]
    [InlineData("JPM")]
    [InlineData("TSLA")]
    [InlineData("PTON")]
    [InlineData("VTV")]
    public void OlsBetaOnSpy_IsNearMarketLoading(string symbol)
    {
        var spy = Returns("SPY");
        var stock = Returns(symbol);

        var beta = Covariance(stock, spy) / Covariance(spy, spy);

        beta.Should().BeApproximately(Market.LoadingsOf(symbol).Market, 0.15);
    }

    [Fact]
    public void Vix_IsStronglyNegativelyCorrelatedWithSpy()
    {
        var spy = Returns("SPY");
        var vix = Returns("VIX");

        var correlation = Covariance(vix, spy) / Math.Sqrt(Covariance(vix, vix) * Covariance(spy, spy));

        // Theory: −4·0.013 / √(0.052² + 0.03² + …) ≈ −0.87 (less after mean reversion).
        correlation.Should().BeLessThan(-0.8);
        Market.Closes("VIX", DateOnly.MinValue, Anchor).Should().OnlyContain(c => c.Value > 5m && c.Value < 80m);
    }

    [Fact]
    public void SpyDailyVolatility_IsAboutOnePointThreePercent()
    {
        var spy = Returns("SPY");
        spy.Should().HaveCount(2000);
        Math.Sqrt(Covariance(spy, spy)).Should().BeApproximately(0.013, 0.002);
    }

    [Fact]
    public void StockLoadings_AreWithinTheirRanges()
    {
        foreach (var symbol in DemoCatalog.Securities.Values.Where(s => s.AssetType == "STOCK").Select(s => s.Symbol))
        {
            var loadings = Market.LoadingsOf(symbol);
            loadings.Market.Should().BeInRange(0.6, 1.6);
            new[] { loadings.Value, loadings.Growth, loadings.Momentum, loadings.Quality, loadings.Size, loadings.LowVol }
                .Should().OnlyContain(l => l >= -0.15 && l <= 0.15);
            loadings.IdiosyncraticSigma.Should().BeInRange(0.003, 0.006);
        }

        Market.LoadingsOf("BND").Market.Should().BeInRange(0.05, 0.15);
        Market.LoadingsOf("BND").Rates.Should().BeInRange(0.3, 0.6);
        Market.LoadingsOf("GLD").Market.Should().BeInRange(0.1, 0.3);
        Market.LoadingsOf("GLD").IdiosyncraticSigma.Should().BeInRange(0.006, 0.01);
        Market.LoadingsOf("BIL").Should().Match<FactorLoadings>(l => l.Market == 0 && l.Rates >= 0.01 && l.Rates <= 0.03
            && l.IdiosyncraticSigma == 0.0003 && l.DailyDrift == 0.00017);
        Market.LoadingsOf("SCHD").Market.Should().BeInRange(0.8, 1.2);
        Market.LoadingsOf("SCHD").IdiosyncraticSigma.Should().BeInRange(0.002, 0.005);
    }

    // Annualised volatility of the 2,000 simple daily returns by asset class (issue 8 point 7): cash-like near zero,
    // bond funds 3–9 %, commodities 8–22 %, diversified equity funds 12–28 %.
    [Theory]
    [InlineData("BIL", 0.0, 0.01)]
    [InlineData("BND", 0.03, 0.09)]
    [InlineData("FXNAX", 0.03, 0.09)]
    [InlineData("GLD", 0.08, 0.22)]
    [InlineData("DJP", 0.08, 0.22)]
    [InlineData("SCHD", 0.12, 0.28)]
    [InlineData("JEPQ", 0.12, 0.28)]
    [InlineData("VNQ", 0.12, 0.28)]
    [InlineData("VTI", 0.12, 0.28)]
    [InlineData("FCNTX", 0.12, 0.28)]
    public void AnnualisedVolatility_IsPlausible_ForEachAssetClass(string symbol, double low, double high)
    {
        var returns = Returns(symbol);
        (Math.Sqrt(Covariance(returns, returns)) * Math.Sqrt(252)).Should().BeInRange(low, high, symbol);
    }

    private static double[] Returns(string symbol)
    {
        var closes = Market.Closes(symbol, DateOnly.MinValue, Anchor).Select(c => (double)c.Value).ToArray();
        return [.. closes.Skip(1).Select((c, i) => (c / closes[i]) - 1)];
    }

    private static double Covariance(double[] x, double[] y)
    {
        var meanX = x.Average();
        var meanY = y.Average();
        return x.Zip(y, (a, b) => (a - meanX) * (b - meanY)).Sum() / (x.Length - 1);
    }
}
