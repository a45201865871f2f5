using SigmaSight.Analytics.Risk;
using SigmaSight.Analytics.Risk.Correlations;
using SigmaSight.Analytics.Risk.Holdings;

namespace SigmaSight.UnitTests.Risk.Correlations;

public class CorrelationCalculatorTests
{
    /// <summary>Golden: universe (1% filter, lots merged, options under the underlying), pandas Pearson on the last 90 log returns.</summary>
    [Theory]
    [MemberData(nameof(RiskGolden.Portfolios), MemberType = typeof(RiskGolden))]
    public void Compute_MatchesOracle_ForGoldenPortfolio(string portfolio)
    {
        var row = RiskGolden.Rows("correlation_golden.csv", portfolio).Single();

        var members = CorrelationUniverse.Select(RiskGolden.Holdings(portfolio));
        var figures = CorrelationCalculator.Compute(members, RiskGolden.LogReturns).Value!;

        members.Select(m => m.Symbol).Should().Equal(row.Words("symbols"));
        members.Select(m => (double)m.Value).Should().Equal(row.Numbers("values"), (a, e) => Math.Abs(a - e) <= 1e-6);
        figures.Observations.Should().Be(90, "the last 90 of 280 returns");
        figures.PsdAdjusted.Should().Be(bool.Parse(row["adjusted"]));
        figures.OverallCorrelation.ShouldMatch(row.Number("overall"), "overall correlation");
        figures.EffectivePositions.ShouldMatch(row.Number("effective_positions"), "effective positions");
        var expected = row.Numbers("matrix");
        figures.Matrix.SelectMany(r => r).Should().HaveCount(expected.Length);
        figures.Matrix.SelectMany(r => r).Zip(expected).Should().AllSatisfy(p => p.First.ShouldMatch(p.Second, "matrix entry", 1e-13));
    }

    [Fact]
    public void Select_MergesLotsPerSymbol_LeavesPrivateOut_AndKeepsExactlyOnePercent()
    {
        // Merged: AAA 5,000 + 1,000; BBB −2,850; CCC 60; DDD 90 (option, delta-adjusted). Gross over non-private
        // symbols = 6,000 + 2,850 + 60 + 90 = 9,000; 1% = 90: CCC dropped, DDD kept (exactly 1%); private ignored.
        var holdings = new[]
        {
            RiskHolding.Stock("AAA", 5000m, null), RiskHolding.Stock("AAA", 1000m, null), RiskHolding.Stock("BBB", -2850m, null),
            RiskHolding.Stock("CCC", 60m, null), RiskHolding.Option("DDD250117C00010000", "DDD", 3m, 90m),
            RiskHolding.Private("FUND_PE", 50000m),
        };

        var members = CorrelationUniverse.Select(holdings);

        members.Should().Equal(new CorrelationMember("AAA", 6000m), new CorrelationMember("BBB", -2850m), new CorrelationMember("DDD", 90m));
    }

    [Fact]
    public void Compute_ReportsInsufficientHistory_WhenFewerThan30AlignedReturns()
    {
        var members = new[] { new CorrelationMember("IBM", 100m), new CorrelationMember("KO", 100m) };
        var returns = new Dictionary<string, double[]> { ["IBM"] = RiskGolden.LogReturns["IBM"][^17..], ["KO"] = RiskGolden.LogReturns["KO"][^17..] };

        var outcome = CorrelationCalculator.Compute(members, returns);

        outcome.Status.Should().Be(RiskStatus.InsufficientHistory);
        outcome.Reason.Should().Be("insufficient history: 17 of 30 observations");
    }

    [Fact]
    public void Compute_UsesOnlyTheLast90Returns_WhenSeriesAreLonger()
    {
        var members = new[] { new CorrelationMember("IBM", 100m), new CorrelationMember("KO", -50m) };
        var cut = new Dictionary<string, double[]> { ["IBM"] = RiskGolden.LogReturns["IBM"][^90..], ["KO"] = RiskGolden.LogReturns["KO"][^90..] };

        var full = CorrelationCalculator.Compute(members, RiskGolden.LogReturns).Value!;
        var last90 = CorrelationCalculator.Compute(members, cut).Value!;

        full.Matrix[0][1].Should().Be(last90.Matrix[0][1]);
    }

    [Fact]
    public void Compute_IsNotApplicable_WhenFewerThanTwoSymbols() =>
        CorrelationCalculator.Compute([new CorrelationMember("IBM", 100m)], RiskGolden.LogReturns).Status.Should().Be(RiskStatus.NotApplicable);

    [Fact]
    public void Compute_IsNotApplicable_WhenASeriesIsConstant()
    {
        var returns = new Dictionary<string, double[]> { ["IBM"] = RiskGolden.LogReturns["IBM"], ["CASH"] = new double[280] };

        var outcome = CorrelationCalculator.Compute([new CorrelationMember("IBM", 100m), new CorrelationMember("CASH", 100m)], returns);

        outcome.Status.Should().Be(RiskStatus.NotApplicable);
        outcome.Reason.Should().Contain("CASH");
    }

    [Fact]
    public void FromMatrix_GivesOneEffectivePosition_ForPerfectlyCorrelatedLongs_AndTwoForUncorrelated()
    {
        var members = new[] { new CorrelationMember("A", 500m), new CorrelationMember("B", 500m) };

        CorrelationCalculator.FromMatrix(members, new[,] { { 1.0, 1.0 }, { 1.0, 1.0 } }, 90).EffectivePositions.Should().BeApproximately(1.0, 1e-12);
        CorrelationCalculator.FromMatrix(members, new[,] { { 1.0, 0.0 }, { 0.0, 1.0 } }, 90).EffectivePositions.Should().BeApproximately(2.0, 1e-12);
    }

    [Fact]
    public void FromMatrix_CapsEffectivePositions_WhenLongShortHedgeIsPerfect()
    {
        // w = (½, −½), ρ = 1: wᵀCw = 0 → 1 / 1e-12.
        var members = new[] { new CorrelationMember("A", 500m), new CorrelationMember("B", -500m) };

        CorrelationCalculator.FromMatrix(members, new[,] { { 1.0, 1.0 }, { 1.0, 1.0 } }, 90).EffectivePositions.Should().Be(1e12);
    }

    [Fact]
    public void Compute_Throws_WhenMemberIsRepeated()
    {
        var act = () => CorrelationCalculator.Compute([new CorrelationMember("IBM", 1m), new CorrelationMember("IBM", 2m)], RiskGolden.LogReturns);

        act.Should().Throw<ArgumentException>().WithMessage("*IBM is listed twice*");
    }
}
