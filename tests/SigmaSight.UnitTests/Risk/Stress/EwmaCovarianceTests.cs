using SigmaSight.Analytics.Risk;
using SigmaSight.Analytics.Risk.Stress;

namespace SigmaSight.UnitTests.Risk.Stress;

public class EwmaCovarianceTests
{
    /// <summary>Golden: Σ_k (1 − λ) λ^k r r' over the last 252 proxy returns ending D, zero mean, λ = 0.94.</summary>
    [Fact]
    public void Estimate_MatchesOracle_ForDowProxies()
    {
        var expected = RiskGolden.Rows("ewma_covariance_golden.csv");
        var (factors, proxyReturns) = StressGolden.ProxyReturns();

        var cov = EwmaCovariance.Estimate(factors, proxyReturns).Value!;

        cov.Factors.Should().Equal(expected.Select(r => r["factor"]));
        cov.Observations.Should().Be(252);
        for (var i = 0; i < factors.Count; i++)
        {
            for (var j = 0; j < factors.Count; j++)
                cov.Matrix[i][j].ShouldMatch(expected[i].Number(factors[j]), $"cov[{factors[i]}, {factors[j]}]", 1e-18);
        }
    }

    [Fact]
    public void Estimate_WeightsNewestReturnByOneMinusLambda_AndIgnoresReturnsBeforeTheWindow()
    {
        // window 2: newest r = 0.02 (weight 0.06), previous 0.01 (0.06 × 0.94); the oldest 5.0 is outside.
        var returns = new Dictionary<string, double[]> { ["M"] = [5.0, 0.01, 0.02] };

        var cov = EwmaCovariance.Estimate(["M"], returns, 0.94, 2).Value!;

        cov.Matrix[0][0].Should().BeApproximately((0.06 * 0.0004) + (0.06 * 0.94 * 0.0001), 1e-18);
    }

    [Fact]
    public void Estimate_ReportsInsufficientHistory_WhenFewerThan252Returns()
    {
        var outcome = EwmaCovariance.Estimate(["M"], new Dictionary<string, double[]> { ["M"] = new double[251] });

        outcome.Status.Should().Be(RiskStatus.InsufficientHistory);
        outcome.Reason.Should().Be("insufficient history: 251 of 252 observations");
    }

    [Fact]
    public void Estimate_Throws_WhenProxySeriesIsMissing()
    {
        var act = () => EwmaCovariance.Estimate(["Market", "Value"], new Dictionary<string, double[]> { ["Market"] = new double[252] });

        act.Should().Throw<ArgumentException>().WithMessage("no factor return series for Value");
    }
}
