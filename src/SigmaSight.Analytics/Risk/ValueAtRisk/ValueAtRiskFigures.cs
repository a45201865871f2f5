namespace SigmaSight.Analytics.Risk.ValueAtRisk;

/// <summary>One-day value at risk and expected shortfall, as positive losses in currency (unrounded).</summary>
/// <param name="Observations">Returns or P&amp;Ls used.</param>
/// <param name="Var95">95% one-day VaR.</param>
/// <param name="Es95">95% one-day expected shortfall.</param>
/// <param name="Var99">99% one-day VaR.</param>
/// <param name="Es99">99% one-day expected shortfall.</param>
public sealed record ValueAtRiskFigures(int Observations, decimal Var95, decimal Es95, decimal Var99, decimal Es99);
