using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace SigmaSight.Analytics.Risk.Correlations;

/// <summary>Makes a correlation matrix positive semi-definite (conventions: "Correlations").</summary>
public static class PositiveSemidefinite
{
    /// <summary>Eigenvalues above −1e-12 are rounding noise, not a defect: such a matrix is left as it is.</summary>
    public const double Tolerance = 1e-12;

    /// <summary>
    /// When the smallest eigenvalue of the symmetric <paramref name="correlation"/> is below −<see cref="Tolerance"/>:
    /// C = V Λ Vᵀ (symmetric EVD), C⁺ = V max(Λ, 0) Vᵀ, then rescaled to a unit diagonal,
    /// C'_ij = C⁺_ij / √(C⁺_ii C⁺_jj), with the diagonal set to exactly 1. Otherwise the input is returned.
    /// </summary>
    /// <param name="correlation">Square symmetric matrix with a unit diagonal (not checked beyond shape and finiteness).</param>
    /// <exception cref="ArgumentException">The matrix is not square or has a non-finite entry.</exception>
    public static PsdRepair Repair(double[,] correlation)
    {
        ArgumentNullException.ThrowIfNull(correlation);
        var n = correlation.GetLength(0);
        if (correlation.GetLength(1) != n)
            throw new ArgumentException($"correlation matrix is {n} × {correlation.GetLength(1)}, not square", nameof(correlation));
        foreach (var x in correlation)
        {
            if (!double.IsFinite(x)) throw new ArgumentException($"correlation matrix has a non-finite entry ({x})", nameof(correlation));
        }

        if (n == 0) return new PsdRepair(correlation, false, double.NaN);
        var evd = Matrix<double>.Build.DenseOfArray(correlation).Evd(Symmetricity.Symmetric);
        var eigenvalues = evd.EigenValues.Real();
        var min = eigenvalues.Minimum();
        if (min >= -Tolerance) return new PsdRepair(correlation, false, min);

        var v = evd.EigenVectors;
        var clipped = v * Matrix<double>.Build.DiagonalOfDiagonalVector(eigenvalues.PointwiseMaximum(0.0)) * v.Transpose();
        var repaired = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
                repaired[i, j] = i == j ? 1.0 : clipped[i, j] / Math.Sqrt(clipped[i, i] * clipped[j, j]);
        }

        return new PsdRepair(repaired, true, min);
    }
}
