namespace SigmaSight.Service.MarketData.Synthetic;

/// <summary>
/// How one synthetic symbol's daily log-return x(t) is built from the factor returns f_k(t):
/// x(t) = <see cref="DailyDrift"/> + Σ_k loading_k·f_k(t) + <see cref="IdiosyncraticSigma"/>·ε(symbol, t)
/// − <see cref="MeanReversion"/>·L(t−1), where L is the symbol's log-price relative to the origin and ε a
/// standard normal. Loadings are unitless; sigma and drift are per trading day.
/// </summary>
public sealed record FactorLoadings(
    double Market,
    double Value,
    double Growth,
    double Momentum,
    double Quality,
    double Size,
    double LowVol,
    double Rates,
    double IdiosyncraticSigma,
    double DailyDrift,
    double MeanReversion = 0)
{
    /// <summary>Σ_k loading_k·f_k for factor returns in <see cref="SyntheticFactors.Names"/> order.</summary>
    internal double Systematic(ReadOnlySpan<double> f) =>
        (Market * f[0]) + (Value * f[1]) + (Growth * f[2]) + (Momentum * f[3])
        + (Quality * f[4]) + (Size * f[5]) + (LowVol * f[6]) + (Rates * f[7]);
}
