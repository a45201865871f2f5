namespace SigmaSight.Analytics.Options;

/// <summary>Greeks of one option lot (per-share Greeks × contracts × 100) and its delta-adjusted exposure.</summary>
/// <param name="Delta">Share-equivalent delta: delta × contracts × 100 (signed; shares of the underlying).</param>
/// <param name="Gamma">Change of <paramref name="Delta"/> per $1 move of the underlying: gamma × contracts × 100.</param>
/// <param name="ThetaPerTradingDay">Value change per trading day in currency: theta × contracts × 100.</param>
/// <param name="VegaPerVolPoint">Value change per volatility point in currency: vega × contracts × 100.</param>
/// <param name="DeltaAdjustedExposure">delta × underlying price × contracts × 100 in currency (for betas, returns, correlations).</param>
public sealed record OptionPositionRisk(
    double Delta, double Gamma, double ThetaPerTradingDay, double VegaPerVolPoint, decimal DeltaAdjustedExposure);
