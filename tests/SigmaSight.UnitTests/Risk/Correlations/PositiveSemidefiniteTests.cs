using SigmaSight.Analytics.Risk.Correlations;

namespace SigmaSight.UnitTests.Risk.Correlations;

public class PositiveSemidefiniteTests
{
    public static TheoryData<string> Cases => ["constructed", "pairwise_complete"];

    /// <summary>Golden: numpy eigh, clip eigenvalues at 0, rescale to a unit diagonal; summary on the repaired matrix.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void RepairAndSummary_MatchOracle_ForNonPsdMatrix(string name)
    {
        var row = RiskGolden.Rows("psd_golden.csv").Single(r => r["case"] == name);
        var symbols = row.Words("symbols");
        var values = row.Numbers("values");
        var input = Square(row.Numbers("input"));

        var repair = PositiveSemidefinite.Repair(input);
        var figures = CorrelationCalculator.FromMatrix(
            [.. symbols.Select((s, i) => new CorrelationMember(s, (decimal)values[i]))], input, 90);

        repair.Adjusted.Should().BeTrue("the oracle asserts the input is not PSD");
        repair.MinEigenvalue.ShouldMatch(row.Number("min_eigenvalue"), "smallest eigenvalue", 1e-13);
        repair.Matrix.Cast<double>().Zip(row.Numbers("matrix")).Should().AllSatisfy(p => p.First.ShouldMatch(p.Second, "repaired entry", 1e-13));
        figures.PsdAdjusted.Should().BeTrue();
        figures.OverallCorrelation.ShouldMatch(row.Number("overall"), "overall correlation");
        figures.EffectivePositions.ShouldMatch(row.Number("effective_positions"), "effective positions");
    }

    [Fact]
    public void Repair_ReturnsInputUnchanged_WhenMatrixIsPsd()
    {
        var c = new[,] { { 1.0, 0.3 }, { 0.3, 1.0 } };

        var repair = PositiveSemidefinite.Repair(c);

        repair.Adjusted.Should().BeFalse();
        repair.Matrix.Should().BeSameAs(c);
        repair.MinEigenvalue.Should().BeApproximately(0.7, 1e-15);
    }

    [Fact]
    public void Repair_GivesPsdMatrixWithUnitDiagonal_WhenInputIsNot()
    {
        var repair = PositiveSemidefinite.Repair(new[,] { { 1.0, 0.9, 0.9 }, { 0.9, 1.0, -0.9 }, { 0.9, -0.9, 1.0 } });

        PositiveSemidefinite.Repair(repair.Matrix).MinEigenvalue.Should().BeGreaterThan(-1e-12);
        Enumerable.Range(0, 3).Select(i => repair.Matrix[i, i]).Should().AllBeEquivalentTo(1.0);
    }

    [Fact]
    public void Repair_Throws_WhenMatrixIsNotSquare()
    {
        var act = () => PositiveSemidefinite.Repair(new double[2, 3]);

        act.Should().Throw<ArgumentException>().WithMessage("*not square*");
    }

    private static double[,] Square(double[] rowMajor)
    {
        var n = (int)Math.Round(Math.Sqrt(rowMajor.Length));
        var m = new double[n, n];
        for (var k = 0; k < rowMajor.Length; k++) m[k / n, k % n] = rowMajor[k];
        return m;
    }
}
