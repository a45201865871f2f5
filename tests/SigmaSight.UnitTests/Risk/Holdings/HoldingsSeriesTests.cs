using SigmaSight.Analytics.Risk;
using SigmaSight.Analytics.Risk.Holdings;

namespace SigmaSight.UnitTests.Risk.Holdings;

public class HoldingsSeriesTests
{
    /// <summary>Golden: Σ w_i r_i,t and Σ value_i r_i,t over all 280 aligned days of the Dow subset.</summary>
    [Theory]
    [MemberData(nameof(RiskGolden.Portfolios), MemberType = typeof(RiskGolden))]
    public void ReturnsAndPnl_MatchOracle_OnEveryDay(string portfolio)
    {
        var expected = RiskGolden.Rows("series_golden.csv", portfolio);
        var holdings = RiskGolden.Holdings(portfolio);

        var returns = HoldingsSeries.Returns(holdings, RiskGolden.Nav(portfolio), RiskGolden.Returns).Value!;
        var pnl = HoldingsSeries.Pnl(holdings, RiskGolden.Returns);

        returns.Should().HaveCount(expected.Count);
        pnl.Should().HaveCount(expected.Count);
        for (var t = 0; t < expected.Count; t++)
        {
            returns[t].ShouldMatch(expected[t].Number("return"), $"{portfolio} return on {expected[t]["date"]}", 1e-15);
            pnl[t].ShouldMatch(expected[t].Number("pnl"), $"{portfolio} P&L on {expected[t]["date"]}", 1e-6);
        }
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Pnl_Throws_NamingTheSymbolAndTheValue_WhenAReturnIsNotFinite(double bad, string shown)
    {
        var holdings = new[] { RiskHolding.Stock("AAA", 1000m, null), RiskHolding.Stock("BBB", 500m, null) };
        var returns = new Dictionary<string, double[]> { ["AAA"] = [0.01, -0.02], ["BBB"] = [0.03, bad] };

        var act = () => HoldingsSeries.Pnl(holdings, returns);

        act.Should().Throw<ArgumentException>().WithMessage($"a return of BBB is not a finite number ({shown})");
    }

    [Fact]
    public void Pnl_LeavesPrivateAssetsOut_AndUsesDeltaAdjustedExposureForOptions()
    {
        var holdings = new[]
        {
            RiskHolding.Stock("AAA", 1000m, null),
            RiskHolding.Option("AAA250117C00100000", "AAA", 50m, 300m),
            RiskHolding.Private("FUND_PE", 5000m),
        };
        var returns = new Dictionary<string, double[]> { ["AAA"] = [0.01, -0.02] };

        HoldingsSeries.Pnl(holdings, returns).Should().Equal(13.0, -26.0);
        HoldingsSeries.Returns(holdings, 2600m, returns).Value.Should().Equal(0.005, -0.01);
    }

    [Fact]
    public void Returns_IsNotApplicable_WhenNavIsNotPositive()
    {
        var outcome = HoldingsSeries.Returns([RiskHolding.Stock("AAA", 10m, null)], 0m, new Dictionary<string, double[]> { ["AAA"] = [0.01] });

        outcome.Status.Should().Be(RiskStatus.NotApplicable);
    }

    [Fact]
    public void Pnl_Throws_WhenSeriesIsMissing()
    {
        var act = () => HoldingsSeries.Pnl([RiskHolding.Option("BBB250117C00010000", "BBB", 1m, 5m)], new Dictionary<string, double[]>());

        act.Should().Throw<ArgumentException>().WithMessage("no return series for BBB");
    }

    [Fact]
    public void Pnl_Throws_WhenSeriesAreNotAligned()
    {
        var returns = new Dictionary<string, double[]> { ["AAA"] = [0.01, 0.02], ["BBB"] = [0.01] };

        var act = () => HoldingsSeries.Pnl([RiskHolding.Stock("AAA", 1m, null), RiskHolding.Stock("BBB", 1m, null)], returns);

        act.Should().Throw<ArgumentException>().WithMessage("return series of BBB has 1 values, expected 2*");
    }
}
