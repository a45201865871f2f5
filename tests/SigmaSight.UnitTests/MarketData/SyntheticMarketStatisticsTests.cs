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

        // Theory: −4·0.011 / √(0.044² + 0.03² + …) ≈ −0.82, so the margin is thin (seed 7: −0.811; seeds 1–3: −0.81…−0.82).
        correlation.Should().BeLessThan(-0.8);
        Market.Closes("VIX", DateOnly.MinValue, Anchor).Should().OnlyContain(c => c.Value > 5m && c.Value < 80m);
    }

    [Fact]
    public void SpyDailyVolatility_IsAboutOnePointOnePercent()
    {
        var spy = Returns("SPY");
        spy.Should().HaveCount(2000);
        Math.Sqrt(Covariance(spy, spy)).Should().BeApproximately(0.011, 0.002);
    }

    [Fact]
    public void StockLoadings_AreWithinTheirRanges()
    {
        foreach (var symbol in DemoCatalog.Securities.Values.Where(s => s.AssetType == "STOCK").Select(s => s.Symbol))
        {
            var loadings = Market.LoadingsOf(symbol);
            loadings.Market.Should().BeInRange(0.6, 1.6);
            new[] { loadings.Value, loadings.Growth, loadings.Momentum, loadings.Quality, loadings.Size, loadings.LowVol }
                .Should().OnlyContain(l => l >= -0.4 && l <= 0.4);
            loadings.IdiosyncraticSigma.Should().BeInRange(0.008, 0.02);
        }

        Market.LoadingsOf("BND").Market.Should().BeInRange(0.05, 0.15);
        Market.LoadingsOf("BND").Rates.Should().BeInRange(0.3, 0.6);
        Market.LoadingsOf("GLD").Market.Should().BeInRange(0.1, 0.3);
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
