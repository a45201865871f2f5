using SigmaSight.Analytics.Risk.Holdings;

namespace SigmaSight.Analytics.Risk.Exposures;

/// <summary>Portfolio factor exposures from symbol betas (conventions: "Portfolio aggregation").</summary>
public static class FactorExposureCalculator
{
    /// <summary>
    /// Exposure to <paramref name="factor"/> = Σ w_i β_i with w_i = ExposureValue_i / NAV (options delta-adjusted,
    /// on their underlying's beta); dollar exposure = exposure × NAV. A holding whose risk symbol has no beta is
    /// listed as missing, never counted as 0; private assets are listed apart. Both stay in the gross exposure
    /// Σ|ExposureValue| against which <see cref="FactorExposure.Coverage"/> is measured. A portfolio with no
    /// holdings (all cash) has exposure 0 and coverage 1.
    /// </summary>
    /// <param name="holdings">Open lots on D.</param>
    /// <param name="nav">NAV on D.</param>
    /// <param name="factor">The factor's name, copied to the result.</param>
    /// <param name="betas">Beta per risk symbol for this factor, as of D; an absent symbol has no figure.</param>
    /// <returns>The exposure; not applicable when NAV ≤ 0 or when no holding has a figure.</returns>
    /// <exception cref="ArgumentException">A holding is invalid, or a beta is not finite.</exception>
    public static RiskOutcome<FactorExposure> Aggregate(
        IReadOnlyList<RiskHolding> holdings, decimal nav, string factor, IReadOnlyDictionary<string, double> betas)
    {
        HoldingChecks.Validate(holdings);
        ArgumentException.ThrowIfNullOrWhiteSpace(factor);
        ArgumentNullException.ThrowIfNull(betas);
        if (nav <= 0) return RiskOutcome.NotApplicable<FactorExposure>($"NAV is not positive ({nav}): weights are undefined");

        var navValue = (double)nav;
        double gross = 0, covered = 0, exposure = 0;
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var privates = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var h in holdings)
        {
            var value = (double)h.ExposureValue;
            gross += Math.Abs(value);
            if (h.Kind == HoldingKind.Private) privates.Add(h.Symbol);
            else if (!betas.TryGetValue(h.RiskSymbol!, out var beta)) missing.Add(h.RiskSymbol!);
            else
            {
                if (!double.IsFinite(beta)) throw HoldingChecks.NotFinite($"{factor} beta of {h.RiskSymbol}", beta);
                covered += Math.Abs(value);
                exposure += value / navValue * beta;
            }
        }

        if (covered == 0 && gross > 0)
            return RiskOutcome.NotApplicable<FactorExposure>(
                $"no holding has a {factor} figure (missing: {string.Join(' ', missing.Concat(privates))})");

        return RiskOutcome.Present(new FactorExposure(
            factor, exposure, (decimal)(exposure * navValue), gross == 0 ? 1.0 : covered / gross, [.. missing], [.. privates]));
    }
}
