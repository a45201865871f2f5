using SigmaSight.Analytics.Returns;

namespace SigmaSight.Analytics.Regression;

/// <summary>
/// An OLS fit y = α + β x + ε over daily returns (see <see cref="Ols.Fit"/>).
/// </summary>
/// <param name="Beta">The slope cov(x, y) / var(x), clipped to ±<see cref="Ols.BetaLimit"/>.</param>
/// <param name="Alpha">The intercept: a daily return (not annualised).</param>
/// <param name="RSquared">1 − SSR / SST of the unclipped fit.</param>
/// <param name="StandardError">Standard error of the unclipped slope: √(SSR / (n − 2) / Σ(x − x̄)²).</param>
/// <param name="Observations">n, the number of aligned returns in the fit.</param>
/// <param name="Clipped">True when the slope was beyond ±<see cref="Ols.BetaLimit"/> and <paramref name="Beta"/> is the limit.</param>
public sealed record OlsFit(double Beta, double Alpha, double RSquared, double StandardError, int Observations, bool Clipped)
{
    /// <summary>The alpha compounded over a year of trading days: (1 + α)^252 − 1.</summary>
    public double AnnualizedAlpha => Math.Pow(1.0 + Alpha, RealizedVolatility.TradingDaysPerYear) - 1.0;
}
