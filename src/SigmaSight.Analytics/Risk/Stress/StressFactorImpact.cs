namespace SigmaSight.Analytics.Risk.Stress;

/// <summary>One factor's part in a scenario's correlated P&amp;L.</summary>
/// <param name="Factor">Stress factor name.</param>
/// <param name="ExposureName">The portfolio exposure it moves.</param>
/// <param name="IsShocked">True when the scenario shocks it (its move is the shock), false when its move is the conditional expectation.</param>
/// <param name="Move">Proxy return applied: the shock (rate shocks converted to −duration × Δy) or Σ_US Σ_SS⁻¹ s.</param>
/// <param name="DollarExposure">The exposure in currency.</param>
/// <param name="Pnl">DollarExposure × Move, unrounded.</param>
public sealed record StressFactorImpact(string Factor, string ExposureName, bool IsShocked, double Move, decimal DollarExposure, decimal Pnl);
