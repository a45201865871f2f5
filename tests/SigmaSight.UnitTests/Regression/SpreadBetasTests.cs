using SigmaSight.Analytics.Regression;
using static SigmaSight.UnitTests.DowJonesPrices;

namespace SigmaSight.UnitTests.Regression;

/// <summary>Spread-factor betas on real Dow Jones closes against tests/oracles/symbol_stats_golden.py (statsmodels OLS).</summary>
public class SpreadBetasTests
{
    private const string GoldenFile = "symbol_stats/spread_betas.csv";

    public static TheoryData<int> GoldenRows => [.. Enumerable.Range(0, GoldenCsv.Read(GoldenFile).Count)];

    [Theory]
    [MemberData(nameof(GoldenRows))]
    public void Estimate_MatchesStatsmodelsOracle_ForGoldenCase(int index)
    {
        var row = GoldenCsv.Read(GoldenFile)[index];

        var estimate = SpreadBetas.Estimate(
            Closes(row["scenario"], row["symbol"]), SymbolStatsProxies.SpreadFactor(row["scenario"], row["spread"]),
            Date(row["as_of"]), row.Integer("window"), row.Integer("minimum"));

        if (row["reason"].Length > 0)
        {
            estimate.Reason.Should().Be(row["reason"]);
            return;
        }

        var fit = estimate.Value;
        fit.Observations.Should().Be(row.Integer("observations"));
        fit.Beta.ShouldMatchGolden(row.Number("beta"), "beta");
        fit.Alpha.ShouldMatchGolden(row.Number("alpha"), "alpha");
        fit.RSquared.ShouldMatchGolden(row.Number("r_squared"), "R²");
        fit.StandardError.ShouldMatchGolden(row.Number("std_error"), "standard error");
        fit.Clipped.Should().Be(row.Flag("clipped"));
    }

    [Fact]
    public void Estimate_IsTheOlsOnTheDifferenceOfSimpleReturns()
    {
        // y = 2 (r_long − r_short) exactly, with r_long and r_short that differ day by day: beta 2, alpha 0, R² 1.
        DateOnly[] dates = [.. Enumerable.Range(0, 8).Select(i => new DateOnly(2024, 1, 1).AddDays(i))];
        double[] longLeg = [100, 101, 99, 102, 103, 101, 104, 105];
        double[] shortLeg = [50, 50.5, 50.2, 50.1, 51, 50.7, 50.9, 51.3];
        var symbol = new double[8];
        symbol[0] = 10;
        for (var i = 1; i < 8; i++)
            symbol[i] = symbol[i - 1] * (1 + (2 * ((longLeg[i] / longLeg[i - 1]) - (shortLeg[i] / shortLeg[i - 1]))));
        var factor = new SpreadFactor("test", new("L", dates, longLeg), new("S", dates, shortLeg));

        var fit = SpreadBetas.Estimate(new("Y", dates, symbol), factor, dates[^1], window: 7, minimum: 7).Value;

        fit.Beta.Should().BeApproximately(2.0, 1e-12);
        fit.Alpha.Should().BeApproximately(0.0, 1e-14);
        fit.RSquared.Should().BeApproximately(1.0, 1e-12);
    }
}
