using SigmaSight.Analytics.Risk;
using SigmaSight.Analytics.Risk.Holdings;
using SigmaSight.Analytics.Risk.ValueAtRisk;

namespace SigmaSight.UnitTests.Risk.ValueAtRisk;

public class ValueAtRiskCalculatorTests
{
    /// <summary>Golden: numpy.quantile (linear) on the last 252 P&amp;Ls; scipy normal with σ from the last 63 returns.</summary>
    [Theory]
    [MemberData(nameof(RiskGolden.Portfolios), MemberType = typeof(RiskGolden))]
    public void HistoricalAndParametric_MatchOracle_ForGoldenPortfolio(string portfolio)
    {
        var holdings = RiskGolden.Holdings(portfolio);
        var nav = RiskGolden.Nav(portfolio);
        var expected = RiskGolden.Rows("var_golden.csv", portfolio).ToDictionary(r => (r["method"], r["confidence"]));

        var historical = ValueAtRiskCalculator.Historical(HoldingsSeries.Pnl(holdings, RiskGolden.Returns)).Value!;
        var parametric = HoldingsSeries.Returns(holdings, nav, RiskGolden.Returns).Then(r => ValueAtRiskCalculator.Parametric(r, nav)).Value!;

        historical.Observations.Should().Be(252, "the last 252 of 280 P&Ls");
        parametric.Observations.Should().Be(63);
        foreach (var (method, figures) in new[] { ("historical", historical), ("parametric", parametric) })
        {
            figures.Var95.ShouldMatchToTheCent(expected[(method, "0.95")].Money("var"), $"{portfolio} {method} VaR 95");
            figures.Es95.ShouldMatchToTheCent(expected[(method, "0.95")].Money("es"), $"{portfolio} {method} ES 95");
            figures.Var99.ShouldMatchToTheCent(expected[(method, "0.99")].Money("var"), $"{portfolio} {method} VaR 99");
            figures.Es99.ShouldMatchToTheCent(expected[(method, "0.99")].Money("es"), $"{portfolio} {method} ES 99");
        }
    }

    /// <summary>
    /// Pitfall: the quantile interpolates linearly (numpy's default), it is not the nearest rank. P&amp;Ls −252 … −1:
    /// 95%: h = 251 × 0.05 = 12.55 → −240 + 0.55 = −239.45 (nearest rank would give 240 or 239); ES = mean of 240 … 252.
    /// 99%: h = 2.51 → −250 + 0.51 = −249.49; ES = mean of 250, 251, 252.
    /// </summary>
    [Fact]
    public void Historical_InterpolatesQuantileLinearly_NotNearestRank()
    {
        var pnl = Enumerable.Range(1, 252).Select(i => (double)-i).Reverse().ToArray();

        var v = ValueAtRiskCalculator.Historical(pnl).Value!;

        v.Var95.Should().BeApproximately(239.45m, 1e-9m);
        v.Es95.Should().BeApproximately(246m, 1e-9m);
        v.Var99.Should().BeApproximately(249.49m, 1e-9m);
        v.Es99.Should().BeApproximately(251m, 1e-9m);
    }

    [Fact]
    public void Historical_UsesOnlyTheLast252Pnls()
    {
        var recent = Enumerable.Range(1, 252).Select(i => (double)-i).ToArray();

        var v = ValueAtRiskCalculator.Historical([-1e9, .. recent]).Value!;

        v.Var99.Should().BeApproximately(249.49m, 1e-9m);
    }

    [Fact]
    public void Parametric_IsZScoreTimesDailySigmaTimesNav_ForHandCheckedSeries()
    {
        // 63 returns alternating ±1% (32 up, 31 down); σ_1d = their sample SD; z_95 = 1.6448536269514722,
        // φ(z_99) = 0.026652142203458 (scipy), so VaR_95 = 1.645 σ NAV and ES_99 = σ NAV φ(z_99) / 0.01.
        var returns = Enumerable.Range(0, 63).Select(i => i % 2 == 0 ? 0.01 : -0.01).ToArray();
        var mean = returns.Average();
        var sd = Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / 62);

        var v = ValueAtRiskCalculator.Parametric(returns, 1_000_000m).Value!;

        ((double)v.Var95).Should().BeApproximately(1.6448536269514722 * sd * 1e6, 1e-6);
        ((double)v.Es99).Should().BeApproximately(sd * 1e6 * 0.026652142203458 / 0.01, 1e-4);
    }

    [Fact]
    public void Historical_ReportsInsufficientHistory_WhenFewerThan252Pnls()
    {
        var outcome = ValueAtRiskCalculator.Historical(new double[251]);

        outcome.Status.Should().Be(RiskStatus.InsufficientHistory);
        outcome.Reason.Should().Be("insufficient history: 251 of 252 observations");
    }

    [Fact]
    public void Parametric_ReportsInsufficientHistory_WhenFewerThan63Returns() =>
        ValueAtRiskCalculator.Parametric(new double[62], 1000m).Reason.Should().Be("insufficient history: 62 of 63 observations");

    [Fact]
    public void Parametric_IsNotApplicable_WhenNavIsNotPositive() =>
        ValueAtRiskCalculator.Parametric(new double[63], -1m).Status.Should().Be(RiskStatus.NotApplicable);

    [Fact]
    public void Historical_Throws_WhenPnlIsNotFinite()
    {
        var act = () => ValueAtRiskCalculator.Historical([.. new double[251], double.NaN]);

        act.Should().Throw<ArgumentException>().WithMessage("a P&L is not a finite number*");
    }
}
