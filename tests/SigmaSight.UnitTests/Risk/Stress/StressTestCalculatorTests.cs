using SigmaSight.Analytics.Risk;
using SigmaSight.Analytics.Risk.Stress;

namespace SigmaSight.UnitTests.Risk.Stress;

public class StressTestCalculatorTests
{
    private static readonly StressFactor[] TwoFactors =
        [new("Market", "Market Beta (90D)", ShockUnit.Return), new("Value", "Value", ShockUnit.Return)];

    // Var(M) = 4e-4, Var(V) = 1e-4, Cov = 1.5e-4: a Value shock s moves Market by 1.5 s.
    private static readonly FactorCovariance TwoFactorCovariance = new(["Market", "Value"], [[4e-4, 1.5e-4], [1.5e-4, 1e-4]], 252);

    /// <summary>Golden: direct, correlated and per-factor P&amp;L for the 19 active scenarios × 3 portfolios.</summary>
    [Theory]
    [MemberData(nameof(RiskGolden.Portfolios), MemberType = typeof(RiskGolden))]
    public void Run_MatchesOracle_ForEveryActiveScenario(string portfolio)
    {
        var model = StressGolden.Model();
        var dollars = StressGolden.DollarExposures(portfolio);
        var expected = RiskGolden.Rows("stress_golden.csv", portfolio).ToDictionary(r => r["scenario"]);
        var impacts = RiskGolden.Rows("stress_impacts_golden.csv", portfolio).ToLookup(r => r["scenario"]);
        var active = StressGolden.Scenarios.Where(s => s.IsActive).ToList();

        active.Should().HaveCount(19);
        expected.Keys.Should().BeEquivalentTo(active.Select(s => s.Id));
        foreach (var scenario in active)
        {
            var result = StressTestCalculator.Run(scenario, model, dollars).Value!;
            var row = expected[scenario.Id];
            result.DirectPnl.ShouldMatchToTheCent(row.Money("direct_pnl"), $"{portfolio} {scenario.Id} direct");
            result.CorrelatedPnl.ShouldMatchToTheCent(row.Money("correlated_pnl"), $"{portfolio} {scenario.Id} correlated");
            result.CorrelationEffect.ShouldMatchToTheCent(row.Money("correlation_effect"), $"{portfolio} {scenario.Id} effect");
            result.Impacts.Select(i => i.Factor).Should().Equal(impacts[scenario.Id].Select(r => r["factor"]));
            foreach (var (impact, e) in result.Impacts.Zip(impacts[scenario.Id]))
            {
                impact.IsShocked.Should().Be(bool.Parse(e["shocked"]), $"{scenario.Id} {impact.Factor} shocked");
                impact.Move.ShouldMatch(e.Number("move"), $"{portfolio} {scenario.Id} {impact.Factor} move");
                impact.Pnl.ShouldMatchToTheCent(e.Money("pnl"), $"{portfolio} {scenario.Id} {impact.Factor} P&L");
            }
        }
    }

    /// <summary>Pitfall: the original dropped the market factor from the correlated P&amp;L of non-market scenarios.</summary>
    [Fact]
    public void Run_MovesTheUnshockedMarketFactor_InCorrelatedPnl()
    {
        var model = new StressModel(TwoFactors, TwoFactorCovariance);
        var scenario = new StressScenario("value_up", "Value +10%", new Dictionary<string, double> { ["Value"] = 0.10 });
        var dollars = new Dictionary<string, decimal> { ["Market Beta (90D)"] = 1_000_000m, ["Value"] = 200_000m };

        var result = StressTestCalculator.Run(scenario, model, dollars).Value!;

        // Market moves 1.5 × 0.10 = 0.15: 150,000 on top of the direct 20,000.
        result.DirectPnl.Should().BeApproximately(20_000m, 1e-6m);
        result.Impacts[0].Should().Match<StressFactorImpact>(i => i.Factor == "Market" && !i.IsShocked);
        result.Impacts[0].Move.Should().BeApproximately(0.15, 1e-15);
        result.CorrelatedPnl.Should().BeApproximately(170_000m, 1e-6m);
        result.CorrelationEffect.Should().BeApproximately(150_000m, 1e-6m);
    }

    /// <summary>
    /// Pitfall: no loss floor. The original floored losses at −0.99 × net exposure, and with net exposure ≤ 0 clipped
    /// every loss to −$0.99. The golden net-short, levered book must lose more than its whole NAV in a 25% rally.
    /// </summary>
    [Fact]
    public void Run_LosesMoreThanNav_ForNetShortBookInMarketRally()
    {
        var holdings = RiskGolden.Holdings("long_short");
        var nav = RiskGolden.Nav("long_short");
        var rally = StressGolden.Scenarios.Single(s => s.Id == "market_rally_25");
        var expected = RiskGolden.Rows("stress_golden.csv", "long_short").Single(r => r["scenario"] == "market_rally_25");

        var result = StressTestCalculator.Run(rally, StressGolden.Model(), StressGolden.DollarExposures("long_short")).Value!;

        holdings.Sum(h => h.MarketValue).Should().BeNegative("the book is net short");
        result.DirectPnl.Should().BeLessThan(-nav, "−7.2M market dollars × 25% = −1.8M on a NAV of 1.0M");
        result.CorrelatedPnl.Should().BeLessThan(-nav);
        result.DirectPnl.ShouldMatchToTheCent(expected.Money("direct_pnl"), "oracle direct");
        result.CorrelatedPnl.ShouldMatchToTheCent(expected.Money("correlated_pnl"), "oracle correlated");
    }

    [Fact]
    public void Run_ConvertsYieldChangeWithDuration_ForRateShocks()
    {
        var factors = new[] { new StressFactor("Interest_Rate", "IR Beta", ShockUnit.YieldChange) };
        var model = new StressModel(factors, new FactorCovariance(["Interest_Rate"], [[1e-4]], 252), Duration: 10.0);
        var scenario = new StressScenario("rates_up_100bp", "Rates Up 100bp", new Dictionary<string, double> { ["Interest_Rate"] = 0.01 });

        var result = StressTestCalculator.Run(scenario, model, new Dictionary<string, decimal> { ["IR Beta"] = 50_000m }).Value!;

        result.Impacts[0].Move.Should().BeApproximately(-0.10, 1e-15);
        result.DirectPnl.Should().BeApproximately(-5_000m, 1e-9m);
    }

    [Fact]
    public void Run_IsNotApplicable_WhenAFactorExposureIsMissing()
    {
        var scenario = new StressScenario("market_down_5", "Market Decline 5%", new Dictionary<string, double> { ["Market"] = -0.05 });

        var outcome = StressTestCalculator.Run(
            scenario, new StressModel(TwoFactors, TwoFactorCovariance), new Dictionary<string, decimal> { ["Market Beta (90D)"] = 1m });

        outcome.Status.Should().Be(RiskStatus.NotApplicable);
        outcome.Reason.Should().Be("scenario market_down_5: missing exposure Value (Value)");
    }

    [Fact]
    public void Run_Throws_WhenScenarioShocksAnUnknownFactor()
    {
        var scenario = new StressScenario("bad", "Bad", new Dictionary<string, double> { ["Low Vol"] = -0.3 });

        var act = () => StressTestCalculator.Run(scenario, new StressModel(TwoFactors, TwoFactorCovariance), new Dictionary<string, decimal>());

        act.Should().Throw<ArgumentException>().WithMessage("stress scenario bad shocks unknown factor Low Vol*");
    }

    [Fact]
    public void Scenario_HoldsAllSeedScenarios_IncludingInactiveReplays()
    {
        var scenarios = StressGolden.Scenarios;

        scenarios.Should().HaveCount(22);
        scenarios.Where(s => !s.IsActive).Select(s => s.Id).Should().Equal("financial_crisis_2008", "covid_crash_2020", "dotcom_crash_2000");
        scenarios.Single(s => s.Id == "liquidity_crisis").Shocks.Should().HaveCount(4);
    }
}
