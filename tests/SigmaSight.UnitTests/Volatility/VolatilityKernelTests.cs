using SigmaSight.Analytics.Returns;
using SigmaSight.Analytics.Volatility;
using static SigmaSight.UnitTests.DowJonesPrices;

namespace SigmaSight.UnitTests.Volatility;

/// <summary>Hand-checked cases and the named pitfalls of the volatility figures.</summary>
public class VolatilityKernelTests
{
    [Fact]
    public void OfReturns_AnnualisesWith252TradingDays_Not365()
    {
        // Returns +0.01, −0.01: sample SD 0.0141421356; × √252 = 0.2244994432, whereas × √365 would be 0.2701851217.
        var vol = RealizedVolatility.OfReturns([0.01, -0.01]);

        vol.Should().BeApproximately(0.2244994432064365, 1e-15);
        vol.Should().NotBeApproximately(0.2701851217221259, 1e-3);
    }

    [Fact]
    public void OfReturns_UsesTheSampleSd_NotThePopulationSd()
    {
        // The n − 1 denominator: √(0.0002 / 1) × √252 = 0.2244994432; the population SD (÷ n) would give 0.1587450787.
        var vol = RealizedVolatility.OfReturns([0.01, -0.01]);

        vol.Should().BeApproximately(0.2244994432064365, 1e-15);
        vol.Should().NotBeApproximately(0.15874507866387544, 1e-3);
    }

    [Fact]
    public void HarEstimate_TargetsTheMeanOfTheNext21Days_NotTheNextDay()
    {
        // The oracle fitted both targets on IBM's last 252 returns to 2000-12-29; only the 21-day mean is the convention.
        var row = GoldenCsv.Read("symbol_stats/pitfalls.csv").Single(r => r["name"] == "har_ibm_2000-12-29_forecast_next_day_target");

        var har = VolatilityProfile.FromCloses(Closes(Full, "IBM"), Date("2000-12-29")).Har.Value;

        har.DailyVariance.ShouldMatchGolden(row.Number("correct"), "the 21-day-target forecast");
        har.DailyVariance.Should().NotBeApproximately(row.Number("pitfall"), 1e-5, "the next-day target gives {0:R}", row.Number("pitfall"));
    }

    [Fact]
    public void HarEstimate_UsesOnlyTheLast252Returns()
    {
        var returns = Returns(Full, "GE", "2000-12-29", 400);

        var all = HarForecast.Estimate(returns).Value;
        var last = HarForecast.Estimate(returns.AsSpan(returns.Length - 252)).Value;

        all.Should().Be(last);
        all.Rows.Should().Be(211, "rows t = 20 .. 230 of 252 returns");
    }

    [Fact]
    public void HarEstimate_Needs60Rows_That_Is101Returns()
    {
        var returns = Returns(Full, "GE", "2000-12-29", 101);

        HarForecast.Estimate(returns.AsSpan(1)).Reason.Should().Be("insufficient history: 59 of 60 HAR rows");
        HarForecast.Estimate(returns).Value.Rows.Should().Be(60);
    }

    [Fact]
    public void HarEstimate_FloorsANegativeForecastAtZero()
    {
        // Squared returns fall linearly towards 0 (with a wobble so the regressors are not collinear); statsmodels fits
        // the same rows to an unfloored forecast of −8.006e-06 at the last day.
        var returns = new double[252];
        for (var t = 0; t < returns.Length; t++)
        {
            var rv = ((2e-4 * (1 - (t / 252.0))) + 1e-7) * (1 + (0.3 * Math.Sin(1.7 * t)));
            returns[t] = Math.Sqrt(rv) * (t % 2 == 0 ? 1 : -1);
        }

        var har = HarForecast.Estimate(returns).Value;

        har.DailyVariance.Should().Be(0.0);
        har.ExpectedVolatility21.Should().Be(0.0);
    }

    [Fact]
    public void HarEstimate_GivesAReason_WhenReturnsAreConstant() =>
        HarForecast.Estimate(Enumerable.Repeat(0.0, 120).ToArray()).Reason.Should().StartWith("HAR regression is singular");

    [Theory]
    [InlineData(true, TrendDirection.Increasing)]
    [InlineData(false, TrendDirection.Decreasing)]
    public void TrendEstimate_FollowsTheRollingVolatility(bool rising, TrendDirection expected)
    {
        // Alternating returns whose size grows (or shrinks) steadily: the rolling 21-day vol moves by far more than 0.001 a day.
        var returns = Enumerable.Range(0, 41).Select(i => (rising ? 0.005 + (0.0005 * i) : 0.025 - (0.0005 * i)) * (i % 2 == 0 ? 1 : -1)).ToArray();

        var trend = VolatilityTrend.Estimate(returns).Value;

        trend.Direction.Should().Be(expected);
        trend.RSquared.Should().BeGreaterThan(0.9);
    }

    [Fact]
    public void TrendEstimate_IsStable_WithRSquaredZero_WhenTheRollingVolatilityIsFlat()
    {
        // ±0.01 alternating: every window has the same SD, bit for bit.
        var returns = Enumerable.Range(0, 41).Select(i => i % 2 == 0 ? 0.01 : -0.01).ToArray();

        var trend = VolatilityTrend.Estimate(returns).Value;

        trend.Should().Be(new VolatilityTrend(0.0, 0.0, TrendDirection.Stable));
        VolatilityTrend.Estimate(returns.AsSpan(1)).Reason.Should().Be("insufficient history: 40 of 41 observations");
    }

    [Theory]
    [InlineData(0.01, 0.0)]
    [InlineData(0.03, 1.0)]
    public void PercentileEstimate_RanksTodayAmongThe252PreviousWindows(double recentSize, double expected)
    {
        // 252 returns of ±0.02, then 21 of ±recentSize: every earlier window is wilder (calmer) than today's.
        var returns = Enumerable.Range(0, 273).Select(i => (i < 252 ? 0.02 : recentSize) * (i % 2 == 0 ? 1 : -1)).ToArray();

        VolatilityPercentile.Estimate(returns).Value.Should().Be(expected);
        VolatilityPercentile.Estimate(returns.AsSpan(1)).Reason.Should().Be("insufficient history: 272 of 273 observations");
    }

    [Fact]
    public void PercentileEstimate_CountsEqualValuesAsAtOrBelow()
    {
        // Every window of ±0.01 alternating returns has the same volatility: all 252 are ≤ today's, so 1, not 0.
        var returns = Enumerable.Range(0, 273).Select(i => i % 2 == 0 ? 0.01 : -0.01).ToArray();

        VolatilityPercentile.Estimate(returns).Value.Should().Be(1.0);
    }

    private static double[] Returns(string scenario, string symbol, string asOf, int count) =>
        Analytics.Series.ReturnAlignment.Align([Closes(scenario, symbol)], Date(asOf), count).ReturnsOf(0).ToArray();
}
