using SigmaSight.Analytics.Risk;
using SigmaSight.Analytics.Risk.Concentration;
using SigmaSight.Analytics.Risk.Holdings;

namespace SigmaSight.UnitTests.Risk.Concentration;

public class ConcentrationCalculatorTests
{
    /// <summary>Golden: HHI, effective N, top-3 and top-10 on |market value| per symbol with lots merged.</summary>
    [Theory]
    [MemberData(nameof(RiskGolden.Portfolios), MemberType = typeof(RiskGolden))]
    public void Compute_MatchesOracle_ForGoldenPortfolio(string portfolio)
    {
        var row = RiskGolden.Rows("concentration_golden.csv", portfolio).Single();

        var c = ConcentrationCalculator.Compute(RiskGolden.Holdings(portfolio)).Value!;

        c.Symbols.Should().Be(int.Parse(row["symbols"], System.Globalization.CultureInfo.InvariantCulture));
        c.Hhi.ShouldMatch(row.Number("hhi"), "HHI");
        c.EffectiveNumberOfPositions.ShouldMatch(row.Number("effective_n"), "effective N");
        c.Top3Share.ShouldMatch(row.Number("top3"), "top 3");
        c.Top10Share.ShouldMatch(row.Number("top10"), "top 10");
    }

    [Fact]
    public void Compute_MergesLotsAndUsesAbsoluteValues_ForHandCheckedBook()
    {
        // AAA 300 + 300 = 600, BBB −300 → |300|, CCC 100: weights 0.6, 0.3, 0.1; HHI = (0.36 + 0.09 + 0.01) × 10,000 = 4,600.
        var holdings = new[] { RiskHolding.Stock("AAA", 300m, null), RiskHolding.Stock("AAA", 300m, null), RiskHolding.Stock("BBB", -300m, null), RiskHolding.Stock("CCC", 100m, null) };

        var c = ConcentrationCalculator.Compute(holdings).Value!;

        c.Symbols.Should().Be(3);
        c.Hhi.Should().BeApproximately(4600.0, 1e-9);
        c.EffectiveNumberOfPositions.Should().BeApproximately(10_000.0 / 4600.0, 1e-12);
        c.Top3Share.Should().BeApproximately(1.0, 1e-15);
    }

    [Fact]
    public void Compute_GivesHhi10000_ForOnePosition() =>
        ConcentrationCalculator.Compute([RiskHolding.Private("HOME_EQUITY", 250_000m)]).Value!.Hhi.Should().Be(10_000.0);

    [Fact]
    public void Compute_IsNotApplicable_WhenThereAreNoPositions() =>
        ConcentrationCalculator.Compute([]).Status.Should().Be(RiskStatus.NotApplicable);
}
