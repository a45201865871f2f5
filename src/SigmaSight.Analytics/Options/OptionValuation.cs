namespace SigmaSight.Analytics.Options;

/// <summary>A Black–Scholes price and its Greeks for one option on one share of the underlying.</summary>
/// <param name="Price">Option value per share of underlying, in the underlying's currency.</param>
/// <param name="Delta">∂V/∂S: value change per $1 move of the underlying (call 0..1, put −1..0).</param>
/// <param name="Gamma">∂²V/∂S²: delta change per $1 move of the underlying.</param>
/// <param name="ThetaPerTradingDay">Annual ∂V/∂t (calendar-time decay, negative for long options) ÷ 252.</param>
/// <param name="VegaPerVolPoint">∂V/∂σ × 0.01: value change per one volatility point (σ + 0.01).</param>
public sealed record OptionValuation(double Price, double Delta, double Gamma, double ThetaPerTradingDay, double VegaPerVolPoint);
