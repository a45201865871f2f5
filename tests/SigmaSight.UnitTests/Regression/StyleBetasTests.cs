using SigmaSight.Analytics.Regression;
using static SigmaSight.UnitTests.DowJonesPrices;

namespace SigmaSight.UnitTests.Regression;

/// <summary>
/// Ridge style betas on real Dow Jones closes against tests/oracles/symbol_stats_golden.py (closed-form ridge on
/// centred, standardised data, cross-checked there with statsmodels fit_regularized).
/// </summary>
public class StyleBetasTests
{
    private const string GoldenFile = "symbol_stats/style_betas.csv";
    private const string PitfallFile = "symbol_stats/pitfalls.csv";

    public static TheoryData<int> GoldenRows => [.. Enumerable.Range(0, GoldenCsv.Read(GoldenFile).Count)];

    [Theory]
    [MemberData(nameof(GoldenRows))]
    public void Estimate_MatchesRidgeOracle_ForGoldenCase(int index)
    {
        var row = GoldenCsv.Read(GoldenFile)[index];

        var estimate = StyleBetas.Estimate(
            Closes(row["scenario"], row["symbol"]), SymbolStatsProxies.StyleFactors(row["scenario"]), Date(row["as_of"]),
            row.Integer("window"), row.Integer("minimum"), row.Number("lambda"));

        if (row["reason"].Length > 0)
        {
            estimate.Reason.Should().Be(row["reason"]);
            return;
        }

        var fit = estimate.Value;
        fit.Observations.Should().Be(row.Integer("observations"));
        fit.Intercept.ShouldMatchGolden(row.Number("intercept"), "intercept");
        fit.RSquared.ShouldMatchGolden(row.Number("r_squared"), "R²");
        fit.Betas.Select(b => b.Factor).Should().Equal(SymbolStatsProxies.Style.Select(s => s.Factor));
        foreach (var beta in fit.Betas)
        {
            beta.Beta.ShouldMatchGolden(row.Number($"beta_{beta.Factor}"), $"beta_{beta.Factor}");
            beta.Clipped.Should().Be(row.Flag($"clipped_{beta.Factor}"));
        }
    }

    [Fact]
    public void Estimate_PenalisesOnTheStandardisedScaleWithAFreeIntercept_NotRawScaleNorPenalisedIntercept()
    {
        // λ = 1 applies to the standardised coefficients, and the intercept is not penalised. The oracle also computed
        // the usual mistakes: λ on raw returns (shrinks every beta almost to 0), statsmodels' alpha not divided by n
        // (λ·n), and statsmodels' scalar alpha, which penalises the constant (betas unchanged on centred Z, intercept not).
        var pitfalls = GoldenCsv.Read(PitfallFile).Where(r => r["name"].StartsWith("ridge_ibm_1998-09-30_", StringComparison.Ordinal)).ToList();

        var fit = StyleBetas.Estimate(Closes(Full, "IBM"), SymbolStatsProxies.StyleFactors(Full), Date("1998-09-30")).Value;

        var intercept = pitfalls.Single(r => r["name"].EndsWith("_intercept_penalised_intercept", StringComparison.Ordinal));
        fit.Intercept.ShouldMatchGolden(intercept.Number("correct"), "the intercept with no penalty");
        fit.Intercept.Should().NotBeApproximately(intercept.Number("pitfall"), 1e-6, "a penalised intercept is {0:R}", intercept.Number("pitfall"));
        foreach (var beta in fit.Betas)
        {
            foreach (var mistake in new[] { "lambda_on_raw_scale", "alpha_not_divided_by_n" })
            {
                var row = pitfalls.Single(r => r["name"] == $"ridge_ibm_1998-09-30_beta_{beta.Factor}_{mistake}");
                beta.Beta.ShouldMatchGolden(row.Number("correct"), $"beta_{beta.Factor}");
                beta.Beta.Should().NotBeApproximately(row.Number("pitfall"), 1e-3, "{0} gives {1:R}", mistake, row.Number("pitfall"));
            }
        }
    }

    [Fact]
    public void Estimate_AlignsAcrossTheSymbolAndEverySeries_WhenTheSymbolMissesAClose()
    {
        // Without IBM's 1998-08-27 close the window still holds 90 returns, one of them the 08-26 → 08-28 return of all seven series.
        var withGap = StyleBetas.Estimate(Closes(IbmGap, "IBM"), SymbolStatsProxies.StyleFactors(IbmGap), Date("1998-09-30")).Value;
        var full = StyleBetas.Estimate(Closes(Full, "IBM"), SymbolStatsProxies.StyleFactors(Full), Date("1998-09-30")).Value;

        withGap.Observations.Should().Be(90);
        withGap.RSquared.Should().NotBeApproximately(full.RSquared, 1e-6);
    }

    [Fact]
    public void Estimate_ClipsEachBetaToFive_AndFlagsOnlyThatFactor()
    {
        // y = 8 x1 + 0.5 x2 + small noise over 90 days: ridge (λ = 1) shrinks b1 by about 1%, still far beyond 5.
        var (symbol, factors) = Synthetic(90, (x1, x2, i) => (8 * x1) + (0.5 * x2) + (0.0005 * Math.Sin(7.3 * i)));

        var fit = StyleBetas.Estimate(symbol, factors, symbol.Dates[^1]).Value;

        fit.Betas[0].Should().Be(new FactorBeta("one", 5.0, true));
        fit.Betas[1].Clipped.Should().BeFalse();
        fit.Betas[1].Beta.Should().BeApproximately(0.5, 0.05);
    }

    [Fact]
    public void Estimate_GivesAReason_WhenAFactorIsConstant()
    {
        var (symbol, factors) = Synthetic(40, (x1, x2, i) => x1 + x2, constantSecondFactor: true);

        var estimate = StyleBetas.Estimate(symbol, factors, symbol.Dates[^1]);

        estimate.Reason.Should().Be("zero variance: P2 returns are constant over 39 observations");
    }

    [Fact]
    public void Estimate_GivesTheInsufficientHistoryReason_BelowTheMinimum()
    {
        var (symbol, factors) = Synthetic(30, (x1, x2, i) => x1 + x2);

        StyleBetas.Estimate(symbol, factors, symbol.Dates[^1]).Reason.Should().Be("insufficient history: 29 of 30 observations");
    }

    /// <summary>Closes whose returns are x1 = 1% sin, x2 = 1% cos of different frequencies, and y = f(x1, x2, day).</summary>
    private static (Analytics.Series.DatedCloses Symbol, FactorProxy[] Factors) Synthetic(
        int closes, Func<double, double, int, double> y, bool constantSecondFactor = false)
    {
        var dates = Enumerable.Range(0, closes).Select(i => new DateOnly(2024, 1, 1).AddDays(i)).ToArray();
        double[] c1 = new double[closes], c2 = new double[closes], cy = new double[closes];
        c1[0] = c2[0] = cy[0] = 100;
        for (var i = 1; i < closes; i++)
        {
            var x1 = 0.01 * Math.Sin(1.1 * i);
            var x2 = constantSecondFactor ? 0.0 : 0.01 * Math.Cos(2.9 * i);
            c1[i] = c1[i - 1] * (1 + x1);
            c2[i] = c2[i - 1] * (1 + x2);
            cy[i] = cy[i - 1] * (1 + y(x1, x2, i));
        }

        return (new("Y", dates, cy), [new FactorProxy("one", new("P1", dates, c1)), new FactorProxy("two", new("P2", dates, c2))]);
    }
}
