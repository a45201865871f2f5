using SigmaSight.Analytics.Risk;
using SigmaSight.Analytics.Risk.Exposures;
using SigmaSight.Analytics.Risk.Holdings;

namespace SigmaSight.UnitTests.Risk.Exposures;

public class FactorExposureCalculatorTests
{
    private static readonly Dictionary<string, double> MarketBetas = new() { ["AAA"] = 1.2, ["BBB"] = 0.5 };

    /// <summary>Golden values from tests/oracles/portfolio_risk_golden.py: 3 portfolios × 8 factors.</summary>
    [Theory]
    [MemberData(nameof(RiskGolden.Portfolios), MemberType = typeof(RiskGolden))]
    public void Aggregate_MatchesOracle_ForEveryFactor(string portfolio)
    {
        foreach (var row in RiskGolden.Rows("factor_exposure_golden.csv", portfolio))
        {
            var factor = row["factor"];
            var outcome = FactorExposureCalculator.Aggregate(
                RiskGolden.Holdings(portfolio), RiskGolden.Nav(portfolio), factor, RiskGolden.Betas(factor));

            var e = outcome.Value!;
            e.Factor.Should().Be(factor);
            e.Exposure.ShouldMatch(row.Number("exposure"), $"{portfolio} {factor} exposure");
            e.DollarExposure.ShouldMatchToTheCent(row.Money("dollar_exposure"), $"{portfolio} {factor} dollars");
            e.Coverage.ShouldMatch(row.Number("coverage"), $"{portfolio} {factor} coverage");
            e.MissingSymbols.Should().Equal(row.Words("missing"), $"{portfolio} {factor} missing");
            e.PrivateSymbols.Should().Equal(row.Words("private"), $"{portfolio} {factor} private");
        }
    }

    [Fact]
    public void Aggregate_ListsSymbolWithoutBetaAsMissing_InsteadOfCountingItAsZero()
    {
        // AAA 600 × 1.2 + BBB 200 × 0.5 over NAV 1000 = 0.82; CCC (200) has no beta: coverage 800 / 1000.
        var holdings = new[] { RiskHolding.Stock("AAA", 600m, null), RiskHolding.Stock("BBB", 200m, null), RiskHolding.Stock("CCC", 200m, null) };

        var e = FactorExposureCalculator.Aggregate(holdings, 1000m, "Market", MarketBetas).Value!;

        e.Exposure.Should().BeApproximately(0.82, 1e-15);
        e.DollarExposure.Should().Be(820m);
        e.Coverage.Should().BeApproximately(0.8, 1e-15);
        e.MissingSymbols.Should().Equal("CCC");
    }

    [Fact]
    public void Aggregate_KeepsPrivateAssetsInGrossButApart_WhenComputingCoverage()
    {
        var holdings = new[] { RiskHolding.Stock("AAA", 750m, null), RiskHolding.Private("FUND_VC", 250m) };

        var e = FactorExposureCalculator.Aggregate(holdings, 1000m, "Market", MarketBetas).Value!;

        e.Exposure.Should().BeApproximately(0.9, 1e-15);
        e.Coverage.Should().Be(0.75);
        e.MissingSymbols.Should().BeEmpty();
        e.PrivateSymbols.Should().Equal("FUND_VC");
    }

    [Fact]
    public void Aggregate_UsesUnderlyingBetaAndDeltaAdjustedExposure_ForOptions()
    {
        // A short put (premium −30) with delta-adjusted exposure +400 on AAA: 400 / 1000 × 1.2.
        var holdings = new[] { RiskHolding.Option("AAA250117P00100000", "AAA", -30m, 400m) };

        var e = FactorExposureCalculator.Aggregate(holdings, 1000m, "Market", MarketBetas).Value!;

        e.Exposure.Should().BeApproximately(0.48, 1e-15);
        e.Coverage.Should().Be(1.0);
    }

    [Fact]
    public void Aggregate_IsNotApplicable_WhenNavIsNotPositive()
    {
        var outcome = FactorExposureCalculator.Aggregate([RiskHolding.Stock("AAA", 100m, null)], -5m, "Market", MarketBetas);

        outcome.Status.Should().Be(RiskStatus.NotApplicable);
        outcome.Reason.Should().Contain("NAV is not positive");
    }

    [Fact]
    public void Aggregate_IsNotApplicable_WhenNoHoldingHasAFigure()
    {
        var outcome = FactorExposureCalculator.Aggregate([RiskHolding.Private("ART_1", 500m)], 500m, "Market", MarketBetas);

        outcome.Status.Should().Be(RiskStatus.NotApplicable);
        outcome.Reason.Should().Be("no holding has a Market figure (missing: ART_1)");
    }

    [Fact]
    public void Aggregate_IsZeroWithFullCoverage_WhenPortfolioIsAllCash()
    {
        var e = FactorExposureCalculator.Aggregate([], 1000m, "Market", MarketBetas).Value!;

        e.Exposure.Should().Be(0);
        e.Coverage.Should().Be(1.0);
    }

    [Fact]
    public void Aggregate_Throws_WhenBetaIsNotFinite()
    {
        var act = () => FactorExposureCalculator.Aggregate(
            [RiskHolding.Stock("AAA", 100m, null)], 100m, "Market", new Dictionary<string, double> { ["AAA"] = double.NaN });

        act.Should().Throw<ArgumentException>().WithMessage("*Market beta of AAA*");
    }

    [Fact]
    public void Aggregate_Throws_WhenOptionHasNoUnderlying()
    {
        var act = () => FactorExposureCalculator.Aggregate(
            [new RiskHolding("AAA250117P00100000", HoldingKind.Option, 1m, 1m, null)], 100m, "Market", MarketBetas);

        act.Should().Throw<ArgumentException>().WithMessage("*AAA250117P00100000*no risk symbol*");
    }
}
