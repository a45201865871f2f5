using SigmaSight.Analytics;
using SigmaSight.Analytics.Volatility;
using static SigmaSight.UnitTests.DowJonesPrices;

namespace SigmaSight.UnitTests.Volatility;

/// <summary>
/// Volatility profiles of real Dow Jones symbols against tests/oracles/symbol_stats_golden.py (np.std ddof=1,
/// statsmodels OLS for HAR and trend); empty figure = not computed, with the reason in the *_reason column.
/// </summary>
public class VolatilityProfileTests
{
    private const string GoldenFile = "symbol_stats/volatility_profile.csv";

    public static TheoryData<int> GoldenRows => [.. Enumerable.Range(0, GoldenCsv.Read(GoldenFile).Count)];

    [Theory]
    [MemberData(nameof(GoldenRows))]
    public void FromCloses_MatchesOracle_ForGoldenCase(int index)
    {
        var row = GoldenCsv.Read(GoldenFile)[index];

        var profile = VolatilityProfile.FromCloses(Closes(row["scenario"], row["symbol"]), Date(row["as_of"]));

        profile.Observations.Should().Be(row.Integer("observations"));
        ShouldMatch(profile.Realized21, row, "rv21", "rv21_reason");
        ShouldMatch(profile.Realized63, row, "rv63", "rv63_reason");
        ShouldMatch(profile.Percentile, row, "percentile", "percentile_reason");
        if (HasFigure(profile.Har, row["har_reason"]))
        {
            profile.Har.Value.DailyVariance.ShouldMatchGolden(row.Number("har_forecast"), "HAR forecast");
            profile.Har.Value.ExpectedVolatility21.ShouldMatchGolden(row.Number("har_expected_vol_21d"), "expected vol 21d");
            profile.Har.Value.RSquared.ShouldMatchGolden(row.Number("har_r_squared"), "HAR R²");
            profile.Har.Value.Rows.Should().Be(row.Integer("har_rows"));
        }

        if (HasFigure(profile.Trend, row["trend_reason"]))
        {
            profile.Trend.Value.Slope.ShouldMatchGolden(row.Number("trend_slope"), "trend slope");
            profile.Trend.Value.RSquared.ShouldMatchGolden(row.Number("trend_r_squared"), "trend R²");
            profile.Trend.Value.Direction.ToString().Should().BeEquivalentTo(row["trend_direction"]);
        }
    }

    [Fact]
    public void FromReturns_GivesTheSameProfile_AsFromClosesOfThoseReturns()
    {
        // A portfolio's reconstructed series arrives as returns; the same returns must give the same figures.
        var closes = Closes(Full, "KO");
        var asOf = Date("2000-12-29");
        var returns = Analytics.Series.ReturnAlignment.Align([closes], asOf, int.MaxValue).ReturnsOf(0);

        var fromReturns = VolatilityProfile.FromReturns(returns);
        var fromCloses = VolatilityProfile.FromCloses(closes, asOf);

        fromReturns.Observations.Should().Be(VolatilityProfile.ReturnsUsed);
        fromReturns.Should().BeEquivalentTo(fromCloses);
    }

    [Fact]
    public void FromReturns_Throws_WhenAReturnIsNotFinite()
    {
        var act = () => VolatilityProfile.FromReturns([0.01, double.NaN, 0.02]);

        act.Should().Throw<ArgumentException>().WithMessage("*observation 1 is NaN*");
    }

    [Fact]
    public void FromReturns_GivesEveryReason_WhenThereAreNoReturns()
    {
        var profile = VolatilityProfile.FromReturns([]);

        profile.Realized21.Reason.Should().Be("insufficient history: 0 of 21 observations");
        profile.Realized63.Reason.Should().Be("insufficient history: 0 of 63 observations");
        profile.Har.Reason.Should().Be("insufficient history: 0 of 60 HAR rows");
        profile.Trend.Reason.Should().Be("insufficient history: 0 of 41 observations");
        profile.Percentile.Reason.Should().Be("insufficient history: 0 of 273 observations");
    }

    private static void ShouldMatch(Estimate<double> estimate, IReadOnlyDictionary<string, string> row, string value, string reason)
    {
        if (HasFigure(estimate, row[reason])) estimate.Value.ShouldMatchGolden(row.Number(value), value);
    }

    /// <summary>Checks the reason when the oracle has one; true when a figure is expected instead.</summary>
    private static bool HasFigure<T>(Estimate<T> estimate, string expectedReason)
    {
        if (expectedReason.Length == 0)
        {
            estimate.Reason.Should().BeNull();
            return true;
        }

        estimate.Reason.Should().Be(expectedReason);
        return false;
    }
}
