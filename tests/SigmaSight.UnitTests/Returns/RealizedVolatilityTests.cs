using SigmaSight.Analytics.Returns;

namespace SigmaSight.UnitTests.Returns;

public class RealizedVolatilityTests
{
    private const string GoldenFile = "returns/realized_vol_golden.csv";

    public static TheoryData<int> GoldenRows => [.. Enumerable.Range(0, GoldenCsv.Read(GoldenFile).Count)];

    /// <summary>Golden values from tests/oracles/realized_vol_golden.py (numpy std ddof=1 × √252); empty vol = null.</summary>
    [Theory]
    [MemberData(nameof(GoldenRows))]
    public void Annualized_MatchesNumpyOracle_ForGoldenCase(int index)
    {
        var row = GoldenCsv.Read(GoldenFile)[index];
        var closes = row["closes"].Split(' ').Select(c => double.Parse(c, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var vol = RealizedVolatility.Annualized(closes, int.Parse(row["window"], System.Globalization.CultureInfo.InvariantCulture));

        if (row["vol"].Length == 0) vol.Should().BeNull();
        else vol!.Value.Should().BeApproximately(row.Number("vol"), 1e-9 * row.Number("vol"));
    }

    [Fact]
    public void Annualized_IsSampleSdTimesRootOf252_ForHandCheckedCase()
    {
        // closes 100, 101, 99.99 → returns +0.01, −0.01; mean 0; sample variance (0.0001 + 0.0001) / (2 − 1) = 0.0002;
        // SD = 0.0141421356…; × √252 (15.8745079) = 0.2244994432.
        var vol = RealizedVolatility.Annualized([100.0, 101.0, 99.99], 2);

        vol!.Value.Should().BeApproximately(0.2244994432, 1e-9);
    }

    [Fact]
    public void Annualized_UsesOnlyTheLastWindowReturns_WhenSeriesIsLonger()
    {
        // The jump 50 → 100 is outside the last 2 returns; the rest are the same as the hand-checked case.
        var vol = RealizedVolatility.Annualized([50.0, 100.0, 101.0, 99.99], 2);

        vol!.Value.Should().BeApproximately(0.2244994432, 1e-9);
    }

    [Fact]
    public void Annualized_IsZero_WhenClosesAreConstant() =>
        RealizedVolatility.Annualized([.. Enumerable.Repeat(100.0, 64)], 63).Should().Be(0.0);

    [Fact]
    public void Annualized_IsNull_WhenFewerThanWindowReturns() =>
        RealizedVolatility.Annualized([.. Enumerable.Repeat(100.0, 63)], 63).Should().BeNull();

    [Fact]
    public void Annualized_Throws_WhenWindowIsBelowTwo()
    {
        var act = () => RealizedVolatility.Annualized([100.0, 101.0], 1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
