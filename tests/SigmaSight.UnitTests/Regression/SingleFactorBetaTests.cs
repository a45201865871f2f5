using SigmaSight.Analytics.Regression;
using static SigmaSight.UnitTests.DowJonesPrices;

namespace SigmaSight.UnitTests.Regression;

/// <summary>
/// Market and rate betas on real Dow Jones closes against tests/oracles/symbol_stats_golden.py (statsmodels OLS):
/// NYA stands in for SPY, SBC for TLT. See TestData/symbol_stats/README.md.
/// </summary>
public class SingleFactorBetaTests
{
    private const string GoldenFile = "symbol_stats/single_factor_beta.csv";
    private const string PitfallFile = "symbol_stats/pitfalls.csv";

    public static TheoryData<int> GoldenRows => [.. Enumerable.Range(0, GoldenCsv.Read(GoldenFile).Count)];

    [Theory]
    [MemberData(nameof(GoldenRows))]
    public void Estimate_MatchesStatsmodelsOracle_ForGoldenCase(int index)
    {
        var row = GoldenCsv.Read(GoldenFile)[index];
        var scenario = row["scenario"];

        var estimate = SingleFactorBeta.Estimate(
            Closes(scenario, row["symbol"]), Closes(scenario, row["factor"]), Date(row["as_of"]),
            row.Integer("window"), row.Integer("minimum"));

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
        fit.AnnualizedAlpha.ShouldMatchGolden(row.Number("annualized_alpha"), "annualised alpha");
        fit.Clipped.Should().Be(row.Flag("clipped"));
    }

    [Fact]
    public void Estimate_IsTheKnownFigure_ForIbmOnNyaOverAll2528Returns()
    {
        var fit = SingleFactorBeta.Estimate(Closes(Full, "IBM"), Closes(Full, "NYA"), Date("2001-01-02"), window: 2528).Value;

        fit.Observations.Should().Be(2528);
        fit.Beta.Should().BeApproximately(1.0833394366, 5e-11, "the known figure of the data set's README and conventions");
    }

    [Fact]
    public void Estimate_GivesTheReadmeReason_WhenOnly17ReturnsExist()
    {
        var estimate = SingleFactorBeta.Estimate(Closes(Full, "IBM"), Closes(Full, "NYA"), Date("1991-01-24"));

        estimate.HasValue.Should().BeFalse();
        estimate.Reason.Should().Be("insufficient history: 17 of 30 observations");
    }

    [Fact]
    public void Estimate_UsesSimpleReturns_NotLogReturns()
    {
        // Conventions: log returns only for correlations. Over IBM/NYA's 2,528 returns the two betas differ in the 4th digit.
        var row = GoldenCsv.Read(PitfallFile).Single(r => r["name"] == "beta_ibm_nya_all_log_returns");

        var fit = SingleFactorBeta.Estimate(Closes(Full, "IBM"), Closes(Full, "NYA"), Date("2001-01-02"), window: 2528).Value;

        fit.Beta.ShouldMatchGolden(row.Number("correct"), "the simple-return beta");
        fit.Beta.Should().NotBeApproximately(row.Number("pitfall"), 1e-4, "the log-return beta is {0:R}", row.Number("pitfall"));
    }

    [Fact]
    public void Estimate_AlignsBothSeriesAcrossAMissingClose_NeverPairingATwoDayWithAOneDayReturn()
    {
        // IBM has no close on 1998-08-27: both series must take the 1998-08-26 → 08-28 return. Forward-filling IBM's
        // close (pandas' pct_change default) or computing each series' returns on its own dates gives another beta.
        var pitfalls = GoldenCsv.Read(PitfallFile);
        double Pitfall(string name) => pitfalls.Single(r => r["name"] == name).Number("pitfall");
        var correct = pitfalls.Single(r => r["name"] == "beta_ibm_gap_1998-09-30_padded_closes").Number("correct");

        var fit = SingleFactorBeta.Estimate(Closes(IbmGap, "IBM"), Closes(IbmGap, "NYA"), Date("1998-09-30")).Value;

        fit.Observations.Should().Be(90);
        fit.Beta.ShouldMatchGolden(correct, "the aligned beta");
        fit.Beta.Should().NotBeApproximately(Pitfall("beta_ibm_gap_1998-09-30_padded_closes"), 1e-3);
        fit.Beta.Should().NotBeApproximately(Pitfall("beta_ibm_gap_1998-09-30_per_series_returns"), 1e-3);
    }

    [Fact]
    public void Estimate_Throws_WhenWindowIsBelowMinimum()
    {
        var act = () => SingleFactorBeta.Estimate(Closes(Full, "IBM"), Closes(Full, "NYA"), Date("2000-01-03"), window: 20, minimum: 30);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("window");
    }
}
