using SigmaSight.Analytics.Options;

namespace SigmaSight.UnitTests.Options;

public class BlackScholesTests
{
    private const string GoldenFile = "options/black_scholes_golden.csv";

    public static TheoryData<int> GoldenRows => [.. Enumerable.Range(0, GoldenCsv.Read(GoldenFile).Count)];

    /// <summary>
    /// Golden values from tests/oracles/black_scholes_golden.py (scipy.stats.norm, textbook formulae).
    /// Tolerance: 1e-9 relative, plus 1e-12 absolute for values near 0 (deep OTM prices ~1e-38).
    /// </summary>
    [Theory]
    [MemberData(nameof(GoldenRows))]
    public void Value_MatchesScipyOracle_ForGoldenCase(int index)
    {
        var row = GoldenCsv.Read(GoldenFile)[index];
        var kind = row["kind"] == "call" ? OptionKind.Call : OptionKind.Put;

        var v = BlackScholes.Value(kind, row.Number("spot"), row.Number("strike"), row.Number("years"), row.Number("rate"), row.Number("vol"));

        AssertClose(v.Price, row.Number("price"), "price");
        AssertClose(v.Delta, row.Number("delta"), "delta");
        AssertClose(v.Gamma, row.Number("gamma"), "gamma");
        AssertClose(v.ThetaPerTradingDay, row.Number("theta_per_trading_day"), "theta");
        AssertClose(v.VegaPerVolPoint, row.Number("vega_per_vol_point"), "vega");
    }

    [Theory]
    [InlineData(100.0, 100.0, 1.0, 0.04, 0.2)]
    [InlineData(120.0, 100.0, 0.5, 0.0, 0.6)]
    [InlineData(80.0, 100.0, 0.01, 0.08, 0.15)]
    [InlineData(3.5, 2.0, 5.0, 0.04, 1.2)]
    [InlineData(1000.0, 1500.0, 2.0, 0.02, 0.05)]
    public void Value_SatisfiesPutCallParity_ForAnyInputs(double s, double k, double t, double r, double vol)
    {
        // C − P = S − K·e^(−rT); delta_C − delta_P = 1; gamma and vega equal; theta_C − theta_P = −r·K·e^(−rT)/252.
        var call = BlackScholes.Value(OptionKind.Call, s, k, t, r, vol);
        var put = BlackScholes.Value(OptionKind.Put, s, k, t, r, vol);
        var discountedStrike = k * Math.Exp(-r * t);

        (call.Price - put.Price).Should().BeApproximately(s - discountedStrike, 1e-10 * s);
        (call.Delta - put.Delta).Should().BeApproximately(1.0, 1e-12);
        call.Gamma.Should().Be(put.Gamma);
        call.VegaPerVolPoint.Should().Be(put.VegaPerVolPoint);
        (call.ThetaPerTradingDay - put.ThetaPerTradingDay).Should().BeApproximately(-r * discountedStrike / 252, 1e-12 * k);
    }

    [Theory]
    [InlineData(OptionKind.Call, 108.0, 100.0, 8.0, 1.0)]
    [InlineData(OptionKind.Call, 95.0, 100.0, 0.0, 0.0)]
    [InlineData(OptionKind.Call, 100.0, 100.0, 0.0, 0.0)]
    [InlineData(OptionKind.Put, 95.0, 100.0, 5.0, -1.0)]
    [InlineData(OptionKind.Put, 108.0, 100.0, 0.0, 0.0)]
    public void Value_ReturnsIntrinsicAndLimitDelta_WhenExpired(OptionKind kind, double s, double k, double price, double delta)
    {
        var v = BlackScholes.Value(kind, s, k, 0.0, 0.04, 0.2);

        v.Should().Be(new OptionValuation(price, delta, 0.0, 0.0, 0.0));
    }

    [Theory]
    [InlineData(0.0, 100.0, 1.0, 0.2)]
    [InlineData(100.0, -1.0, 1.0, 0.2)]
    [InlineData(100.0, 100.0, 1.0, 0.0)]
    [InlineData(100.0, 100.0, double.NaN, 0.2)]
    public void Value_Throws_WhenInputIsOutOfRange(double s, double k, double t, double vol)
    {
        var act = () => BlackScholes.Value(OptionKind.Call, s, k, t, 0.04, vol);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Intrinsic_IsPayoffAtExpiry_ForCallsAndPuts()
    {
        BlackScholes.Intrinsic(OptionKind.Call, 108m, 100m).Should().Be(8m);
        BlackScholes.Intrinsic(OptionKind.Call, 92m, 100m).Should().Be(0m);
        BlackScholes.Intrinsic(OptionKind.Put, 92m, 100m).Should().Be(8m);
        BlackScholes.Intrinsic(OptionKind.Put, 108m, 100m).Should().Be(0m);
    }

    private static void AssertClose(double actual, double expected, string what) =>
        actual.Should().BeApproximately(expected, (1e-9 * Math.Abs(expected)) + 1e-12, what);
}
