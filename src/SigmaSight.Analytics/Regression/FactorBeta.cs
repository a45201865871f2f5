namespace SigmaSight.Analytics.Regression;

/// <summary>One factor's beta in a multi-factor fit.</summary>
/// <param name="Factor">The factor's name.</param>
/// <param name="Beta">The beta on the raw (unstandardised) factor returns, clipped to ±<see cref="Ols.BetaLimit"/>.</param>
/// <param name="Clipped">True when the unclipped beta was beyond the limit.</param>
public sealed record FactorBeta(string Factor, double Beta, bool Clipped);
