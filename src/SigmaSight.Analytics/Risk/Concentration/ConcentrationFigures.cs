namespace SigmaSight.Analytics.Risk.Concentration;

/// <summary>Concentration of a portfolio on D, on |market value| per symbol.</summary>
/// <param name="Symbols">Symbols with a non-zero merged market value.</param>
/// <param name="Hhi">Herfindahl–Hirschman index Σ w² × 10,000 (10,000 = one position).</param>
/// <param name="EffectiveNumberOfPositions">10,000 / HHI.</param>
/// <param name="Top3Share">Σ of the 3 largest weights (all of them when fewer).</param>
/// <param name="Top10Share">Σ of the 10 largest weights (all of them when fewer).</param>
public sealed record ConcentrationFigures(int Symbols, double Hhi, double EffectiveNumberOfPositions, double Top3Share, double Top10Share);
