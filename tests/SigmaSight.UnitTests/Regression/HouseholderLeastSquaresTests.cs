using SigmaSight.Analytics.Regression;

namespace SigmaSight.UnitTests.Regression;

public class HouseholderLeastSquaresTests
{
    [Fact]
    public void TrySolve_RecoversTheCoefficients_OfAnExactLinearModel()
    {
        // y = 2 − 3 a + 0.5 b on 6 rows (column-major design: 1, a, b).
        double[] a = [0.1, 0.4, -0.2, 0.7, 0.3, -0.5];
        double[] b = [1.0, -1.0, 2.0, 0.5, -0.3, 0.8];
        double[] design = [.. Enumerable.Repeat(1.0, 6), .. a, .. b];
        var y = a.Select((v, i) => 2 - (3 * v) + (0.5 * b[i])).ToArray();
        var solution = new double[3];

        HouseholderLeastSquares.TrySolve(design, 6, 3, y, solution).Should().BeTrue();

        solution[0].Should().BeApproximately(2.0, 1e-13);
        solution[1].Should().BeApproximately(-3.0, 1e-13);
        solution[2].Should().BeApproximately(0.5, 1e-13);
    }

    [Fact]
    public void TrySolve_GivesTheLeastSquaresLine_WhenTheFitIsNotExact()
    {
        // Same data as OlsTests' hand-checked line: α 0.5, β 1.4.
        double[] design = [1, 1, 1, 1, 1, 2, 3, 4];
        double[] y = [2, 3, 5, 6];
        var solution = new double[2];

        HouseholderLeastSquares.TrySolve(design, 4, 2, y, solution).Should().BeTrue();

        solution[0].Should().BeApproximately(0.5, 1e-13);
        solution[1].Should().BeApproximately(1.4, 1e-13);
    }

    [Fact]
    public void TrySolve_Refuses_WhenAColumnIsACombinationOfOthers()
    {
        double[] design = [1, 1, 1, 1, 1, 2, 3, 4, 3, 5, 7, 9]; // third column = 1 + 2 × second
        var solution = new double[3];

        HouseholderLeastSquares.TrySolve(design, 4, 3, new double[] { 1, 2, 3, 5 }, solution).Should().BeFalse();
    }
}
