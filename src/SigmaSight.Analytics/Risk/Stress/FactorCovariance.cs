namespace SigmaSight.Analytics.Risk.Stress;

/// <summary>Covariance of the factor proxies' daily returns (the same for every portfolio on D).</summary>
/// <param name="Factors">Row/column order of <paramref name="Matrix"/>.</param>
/// <param name="Matrix">Symmetric covariance matrix (rows), in daily return² units.</param>
/// <param name="Observations">Returns used per factor.</param>
public sealed record FactorCovariance(
    IReadOnlyList<string> Factors, IReadOnlyList<IReadOnlyList<double>> Matrix, int Observations);
