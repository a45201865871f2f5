namespace SigmaSight.Analytics.Risk.Correlations;

/// <summary>A portfolio's correlation matrix and its summary figures.</summary>
/// <param name="Symbols">Row/column order of <paramref name="Matrix"/> (the members' order).</param>
/// <param name="Matrix">Pearson correlations after the PSD fix, symmetric with a unit diagonal (jagged: rows).</param>
/// <param name="Observations">Returns used per symbol.</param>
/// <param name="OverallCorrelation">Mean |ρ| over the upper triangle (diagonal excluded).</param>
/// <param name="EffectivePositions">1 / max(wᵀCw, 1e-12) with w = signed value / Σ|value| over the members.</param>
/// <param name="PsdAdjusted">True when the raw matrix had an eigenvalue below −1e-12 and was repaired.</param>
public sealed record CorrelationFigures(
    IReadOnlyList<string> Symbols,
    IReadOnlyList<IReadOnlyList<double>> Matrix,
    int Observations,
    double OverallCorrelation,
    double EffectivePositions,
    bool PsdAdjusted);
