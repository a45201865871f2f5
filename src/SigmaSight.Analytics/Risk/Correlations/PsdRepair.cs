namespace SigmaSight.Analytics.Risk.Correlations;

/// <summary>The result of <see cref="PositiveSemidefinite.Repair"/>.</summary>
/// <param name="Matrix">The input when it was PSD, else the repaired matrix (row-major, n × n).</param>
/// <param name="Adjusted">True when the smallest eigenvalue was below −<see cref="PositiveSemidefinite.Tolerance"/>.</param>
/// <param name="MinEigenvalue">Smallest eigenvalue of the input.</param>
public sealed record PsdRepair(double[,] Matrix, bool Adjusted, double MinEigenvalue);
