using SigmaSight.Analytics.Regression;

namespace SigmaSight.UnitTests.Regression;

public class OlsTests
{
    [Fact]
    public void Fit_IsTheHandCheckedLine()
    {
        // x̄ 2.5, ȳ 4, Sxx 5, Sxy 7 → β 1.4, α 0.5; residuals 0.1, −0.3, 0.3, −0.1 → SSR 0.2, SST 10, R² 0.98,
        // SE = √(0.2 / (4 − 2) / 5) = 0.1414213562 (statsmodels agrees: bse[1] 0.14142136).
        var fit = Ols.Fit([2.0, 3.0, 5.0, 6.0], [1.0, 2.0, 3.0, 4.0]).Value;

        fit.Beta.Should().BeApproximately(1.4, 1e-14);
        fit.Alpha.Should().BeApproximately(0.5, 1e-14);
        fit.RSquared.Should().BeApproximately(0.98, 1e-14);
        fit.StandardError.Should().BeApproximately(0.14142135623730950, 1e-14, "the n − 2 denominator");
        fit.Observations.Should().Be(4);
        fit.Clipped.Should().BeFalse();
    }

    [Theory]
    [InlineData(7.0, 5.0)]
    [InlineData(-7.0, -5.0)]
    public void Fit_ClipsBetaToFive_AndFlagsIt(double slope, double stored)
    {
        double[] x = [0.01, -0.02, 0.015, 0.0, -0.005];
        var y = x.Select((v, i) => (slope * v) + (0.0001 * i)).ToArray();

        var fit = Ols.Fit(y, x).Value;

        fit.Beta.Should().Be(stored);
        fit.Clipped.Should().BeTrue();
    }

    [Fact]
    public void AnnualizedAlpha_CompoundsTheDailyAlphaOver252Days()
    {
        var fit = new OlsFit(1.0, 0.001, 0.5, 0.1, 90, false);

        fit.AnnualizedAlpha.Should().BeApproximately(0.28643404437615216, 1e-14, "1.001^252 − 1");
    }

    [Fact]
    public void Fit_GivesAReason_WhenTheRegressorIsConstant()
    {
        var estimate = Ols.Fit([0.01, 0.02, 0.03], [0.0, 0.0, 0.0]);

        estimate.Reason.Should().Be("zero variance: the regressor returns are constant over 3 observations");
    }

    [Fact]
    public void Fit_GivesAReason_WhenTheResponseIsConstant()
    {
        var estimate = Ols.Fit([0.0, 0.0, 0.0], [0.01, 0.02, 0.03]);

        estimate.Reason.Should().Be("zero variance: the response returns are constant over 3 observations");
    }

    [Fact]
    public void Fit_Throws_WhenInputIsUnusable()
    {
        var lengths = () => Ols.Fit([1.0, 2.0, 3.0], [1.0, 2.0]);
        var tooFew = () => Ols.Fit([1.0, 2.0], [1.0, 3.0]);
        var notFinite = () => Ols.Fit([1.0, double.NaN, 3.0], [1.0, 2.0, 4.0]);

        lengths.Should().Throw<ArgumentException>().WithMessage("3 responses but 2 regressor values*");
        tooFew.Should().Throw<ArgumentException>().WithMessage("*at least 3 observations*");
        notFinite.Should().Throw<ArgumentException>().WithMessage("the response: observation 1 is NaN*");
    }
}
