using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using SigmaSight.Analytics.Risk.Holdings;

namespace SigmaSight.Analytics.Risk.ValueAtRisk;

/// <summary>One-day VaR and ES from current holdings (conventions: "Value at risk").</summary>
public static class ValueAtRiskCalculator
{
    /// <summary>Historical window: 252 daily P&amp;Ls.</summary>
    public const int HistoricalWindow = 252;

    /// <summary>Parametric window: 63 daily returns.</summary>
    public const int ParametricWindow = 63;

    /// <summary>
    /// Historical: over the last 252 P&amp;Ls, q_α = the (1 − α)-quantile with linear interpolation (numpy's default,
    /// Hyndman–Fan 7: h = (n − 1)(1 − α), q = x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋) on the sorted P&amp;Ls — not the nearest
    /// rank); VaR = −q_α, ES = −mean of the P&amp;Ls ≤ q_α. A book that gains even in its worst days gets a negative VaR.
    /// </summary>
    /// <param name="pnl">Daily P&amp;Ls of the current holdings in currency, oldest first, ending D
    /// (<see cref="HoldingsSeries.Pnl"/>); longer series are cut to the last 252.</param>
    /// <returns>The figures; insufficient history below 252 P&amp;Ls.</returns>
    /// <exception cref="ArgumentException">A P&amp;L is not finite.</exception>
    public static RiskOutcome<ValueAtRiskFigures> Historical(IReadOnlyList<double> pnl)
    {
        ArgumentNullException.ThrowIfNull(pnl);
        if (pnl.Count < HistoricalWindow) return RiskOutcome.InsufficientHistory<ValueAtRiskFigures>(pnl.Count, HistoricalWindow);
        var sorted = pnl.Skip(pnl.Count - HistoricalWindow).Select(p => HoldingChecks.RequireFinite(p, "a P&L")).Order().ToArray();
        var (var95, es95) = HistoricalAt(sorted, 0.95);
        var (var99, es99) = HistoricalAt(sorted, 0.99);
        return RiskOutcome.Present(new ValueAtRiskFigures(HistoricalWindow, (decimal)var95, (decimal)es95, (decimal)var99, (decimal)es99));
    }

    /// <summary>
    /// Parametric (normal, μ = 0): σ_63 = sample SD (n − 1) of the last 63 returns × √252, σ_1d = σ_63 / √252;
    /// VaR = z_α σ_1d NAV, ES = σ_1d NAV φ(z_α) / (1 − α), z_α the standard normal α-quantile.
    /// </summary>
    /// <param name="portfolioReturns">Daily returns of the current holdings, oldest first, ending D
    /// (<see cref="HoldingsSeries.Returns"/>); longer series are cut to the last 63.</param>
    /// <param name="nav">NAV on D.</param>
    /// <returns>The figures; insufficient history below 63 returns; not applicable when NAV ≤ 0.</returns>
    /// <exception cref="ArgumentException">A return is not finite.</exception>
    public static RiskOutcome<ValueAtRiskFigures> Parametric(IReadOnlyList<double> portfolioReturns, decimal nav)
    {
        ArgumentNullException.ThrowIfNull(portfolioReturns);
        if (portfolioReturns.Count < ParametricWindow)
            return RiskOutcome.InsufficientHistory<ValueAtRiskFigures>(portfolioReturns.Count, ParametricWindow);
        if (nav <= 0) return RiskOutcome.NotApplicable<ValueAtRiskFigures>($"NAV is not positive ({nav}): parametric VaR is undefined");

        var window = portfolioReturns.Skip(portfolioReturns.Count - ParametricWindow).Select(r => HoldingChecks.RequireFinite(r, "a portfolio return"));
        var sigma63 = window.StandardDeviation() * Math.Sqrt(252.0);
        var sigmaNav = sigma63 / Math.Sqrt(252.0) * (double)nav;
        var (var95, es95) = ParametricAt(sigmaNav, 0.95);
        var (var99, es99) = ParametricAt(sigmaNav, 0.99);
        return RiskOutcome.Present(new ValueAtRiskFigures(ParametricWindow, (decimal)var95, (decimal)es95, (decimal)var99, (decimal)es99));
    }

    private static (double Var, double Es) HistoricalAt(double[] sorted, double confidence)
    {
        var h = (sorted.Length - 1) * (1.0 - confidence);
        var lower = (int)Math.Floor(h);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        var quantile = sorted[lower] + ((h - lower) * (sorted[upper] - sorted[lower]));
        var tail = sorted.TakeWhile(p => p <= quantile).ToArray();
        return (-quantile, -tail.Average());
    }

    private static (double Var, double Es) ParametricAt(double sigmaNav, double confidence)
    {
        var z = Normal.InvCDF(0.0, 1.0, confidence);
        return (z * sigmaNav, sigmaNav * Normal.PDF(0.0, 1.0, z) / (1.0 - confidence));
    }
}
