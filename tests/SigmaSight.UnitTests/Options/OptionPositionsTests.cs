using System.Globalization;
using SigmaSight.Analytics.Options;
using SigmaSight.UnitTests.Risk;

namespace SigmaSight.UnitTests.Options;

public class OptionPositionsTests
{
    /// <summary>Golden: the oracle's own Black–Scholes (scipy.stats.norm) on the Dow options of the "with_options" portfolio.</summary>
    [Fact]
    public void Risk_MatchesOracle_ForGoldenOptionLots()
    {
        var rows = RiskGolden.Rows("options_golden.csv");
        rows.Should().HaveCount(5);
        foreach (var row in rows)
        {
            var lot = row["lot"];
            var kind = row["kind"] == "call" ? OptionKind.Call : OptionKind.Put;
            var years = int.Parse(row["trading_days"], CultureInfo.InvariantCulture) / BlackScholes.TradingDaysPerYear;
            var valuation = BlackScholes.Value(kind, row.Number("spot"), row.Number("strike"), years, row.Number("rate"), row.Number("vol"));

            var risk = OptionPositions.Risk(valuation, row.Money("quantity"), row.Money("spot"));

            valuation.Price.ShouldMatch(row.Number("price"), $"{lot} price");
            risk.Delta.ShouldMatch(row.Number("position_delta"), $"{lot} position delta");
            risk.Gamma.ShouldMatch(row.Number("position_gamma"), $"{lot} position gamma");
            risk.ThetaPerTradingDay.ShouldMatch(row.Number("position_theta"), $"{lot} position theta");
            risk.VegaPerVolPoint.ShouldMatch(row.Number("position_vega"), $"{lot} position vega");
            risk.DeltaAdjustedExposure.ShouldMatchToTheCent(row.Money("exposure"), $"{lot} delta-adjusted exposure");
        }
    }

    [Fact]
    public void Risk_ScalesPerShareGreeksByContractsTimes100_WithSign()
    {
        var perShare = new OptionValuation(Price: 2.5, Delta: -0.4, Gamma: 0.03, ThetaPerTradingDay: -0.02, VegaPerVolPoint: 0.1);

        var risk = OptionPositions.Risk(perShare, -3m, 50m);

        risk.Should().Be(new OptionPositionRisk(120.0, -9.0, 6.0, -30.0, 6000m));
    }

    [Fact]
    public void DeltaAdjustedExposure_Throws_WhenUnderlyingPriceIsNotPositive()
    {
        var act = () => OptionPositions.DeltaAdjustedExposure(0.5, 1m, 0m);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
