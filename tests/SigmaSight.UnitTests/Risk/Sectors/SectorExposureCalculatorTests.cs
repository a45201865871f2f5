using SigmaSight.Analytics.Risk;
using SigmaSight.Analytics.Risk.Holdings;
using SigmaSight.Analytics.Risk.Sectors;

namespace SigmaSight.UnitTests.Risk.Sectors;

public class SectorExposureCalculatorTests
{
    /// <summary>Golden: net weights on the stock sleeve, gross weights on NAV, illustrative S&amp;P 500 benchmark.</summary>
    [Theory]
    [MemberData(nameof(RiskGolden.Portfolios), MemberType = typeof(RiskGolden))]
    public void Compute_MatchesOracle_ForEverySector(string portfolio)
    {
        var benchmark = RiskGolden.Rows("sector_benchmark.csv").ToDictionary(r => r["sector"], r => r.Number("weight"));
        var expected = RiskGolden.Rows("sector_golden.csv", portfolio);

        var breakdown = SectorExposureCalculator.Compute(RiskGolden.Holdings(portfolio), RiskGolden.Nav(portfolio), benchmark).Value!;

        breakdown.Sectors.Select(s => s.Sector).Should().Equal(expected.Select(r => r["sector"]));
        foreach (var (actual, row) in breakdown.Sectors.Zip(expected))
        {
            Optional(actual.NetWeight, row.OptionalNumber("net_weight"), $"{portfolio} {actual.Sector} net");
            actual.GrossWeight.ShouldMatch(row.Number("gross_weight"), $"{portfolio} {actual.Sector} gross");
            Optional(actual.BenchmarkWeight, row.OptionalNumber("benchmark_weight"), $"{portfolio} {actual.Sector} benchmark");
            Optional(actual.Difference, row.OptionalNumber("difference"), $"{portfolio} {actual.Sector} difference");
        }
    }

    [Fact]
    public void Compute_LeavesNetWeightsOutWithReason_WhenStockSleeveIsNetShort()
    {
        var breakdown = SectorExposureCalculator.Compute(RiskGolden.Holdings("long_short"), RiskGolden.Nav("long_short"), null).Value!;

        breakdown.EquitySleeveValue.Should().BeNegative();
        breakdown.NetWeightReason.Should().StartWith("the stock sleeve is net short or flat");
        breakdown.Sectors.Should().OnlyContain(s => s.NetWeight == null && s.BenchmarkWeight == null);
    }

    [Fact]
    public void Compute_PutsEtfOptionsAndPrivateInOwnBuckets_AndNetsOnStocksOnly()
    {
        var holdings = new[]
        {
            RiskHolding.Stock("AAA", 600m, "Energy"), RiskHolding.Stock("BBB", -200m, "Energy"), RiskHolding.Stock("CCC", 400m, null),
            RiskHolding.Etf("SPY", 300m), RiskHolding.Option("AAA250117C00010000", "AAA", -50m, -900m), RiskHolding.Private("FUND_PE", 150m),
        };

        var sectors = SectorExposureCalculator.Compute(holdings, 1000m, null).Value!.Sectors.ToDictionary(s => s.Sector);

        sectors.Keys.Should().Equal("ETF", "Energy", "Options", "Private", "Unclassified");
        sectors["Energy"].NetWeight.Should().Be(0.5, "(600 − 200) / stock sleeve 800");
        sectors["Energy"].GrossWeight.Should().Be(0.8, "(600 + 200) / NAV 1,000");
        sectors["Unclassified"].NetWeight.Should().Be(0.5);
        sectors["Options"].GrossWeight.Should().Be(0.05, "options by market value (premium), not delta-adjusted");
        sectors["ETF"].NetWeight.Should().BeNull();
    }

    [Fact]
    public void Compute_Throws_NamingTheSector_WhenABenchmarkWeightIsNotFinite()
    {
        var benchmark = new Dictionary<string, double> { ["Energy"] = 0.04, ["Utilities"] = double.NaN };

        var act = () => SectorExposureCalculator.Compute([RiskHolding.Stock("AAA", 1m, "Energy")], 1000m, benchmark);

        act.Should().Throw<ArgumentException>().WithMessage("benchmark weight of Utilities is not a finite number (NaN)");
    }

    [Fact]
    public void Compute_IsNotApplicable_WhenNavIsNotPositive() =>
        SectorExposureCalculator.Compute([RiskHolding.Stock("AAA", 1m, "Energy")], 0m, null).Status.Should().Be(RiskStatus.NotApplicable);

    private static void Optional(double? actual, double? expected, string because)
    {
        if (expected is null) actual.Should().BeNull(because);
        else actual!.Value.ShouldMatch(expected.Value, because);
    }
}
