namespace SigmaSight.Analytics.Risk.Holdings;

/// <summary>The series a portfolio's current holdings would have had (for portfolio volatility and historical VaR).</summary>
public static class HoldingsSeries
{
    /// <summary>
    /// Portfolio return series with today's weights: R_t = Σ_i w_i r_i,t, w_i = ExposureValue_i / NAV (options
    /// delta-adjusted on their underlying's returns). Private assets have no returns and are left out; cash has
    /// return 0, so the weights need not sum to 1.
    /// </summary>
    /// <param name="holdings">Open lots on D.</param>
    /// <param name="nav">NAV on D.</param>
    /// <param name="returns">Simple returns per risk symbol, aligned (same length, oldest first, ending D).</param>
    /// <returns>One return per aligned day (empty when no holding has returns); not applicable when NAV ≤ 0.</returns>
    /// <exception cref="ArgumentException">A holding is invalid, or a series is missing, of another length or not finite.</exception>
    public static RiskOutcome<double[]> Returns(
        IReadOnlyList<RiskHolding> holdings, decimal nav, IReadOnlyDictionary<string, double[]> returns)
    {
        var pnl = Pnl(holdings, returns);
        if (nav <= 0) return RiskOutcome.NotApplicable<double[]>($"NAV is not positive ({nav}): weights are undefined");
        var navValue = (double)nav;
        return RiskOutcome.Present(Array.ConvertAll(pnl, p => p / navValue));
    }

    /// <summary>
    /// P&amp;L series in currency: P_t = Σ_i ExposureValue_i × r_i,t (options delta-adjusted), private assets left out.
    /// Kept as double: it feeds <see cref="ValueAtRisk.ValueAtRiskCalculator.Historical"/>.
    /// </summary>
    /// <param name="holdings">Open lots on D.</param>
    /// <param name="returns">Simple returns per risk symbol, aligned (same length, oldest first, ending D).</param>
    /// <exception cref="ArgumentException">A holding is invalid, or a series is missing, of another length or not finite.</exception>
    public static double[] Pnl(IReadOnlyList<RiskHolding> holdings, IReadOnlyDictionary<string, double[]> returns)
    {
        HoldingChecks.Validate(holdings);
        ArgumentNullException.ThrowIfNull(returns);
        var priced = holdings.Where(h => h.Kind != HoldingKind.Private).ToList();
        if (priced.Count == 0) return [];

        var length = HoldingChecks.Series(returns, priced[0].RiskSymbol!, null, "return").Length;
        var pnl = new double[length];
        foreach (var h in priced)
        {
            var r = HoldingChecks.Series(returns, h.RiskSymbol!, length, "return");
            var value = (double)h.ExposureValue;
            for (var t = 0; t < length; t++) pnl[t] += value * r[t];
        }

        return pnl;
    }
}
