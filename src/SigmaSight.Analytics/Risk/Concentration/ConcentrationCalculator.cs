using SigmaSight.Analytics.Risk.Holdings;

namespace SigmaSight.Analytics.Risk.Concentration;

/// <summary>Position concentration (conventions: "Sector and concentration").</summary>
public static class ConcentrationCalculator
{
    /// <summary>
    /// Lots merged per own symbol (signed market values summed; an option is its own symbol, valued at its premium;
    /// private assets included), then w_i = |merged MV_i| / Σ|merged MV|; HHI = Σ w² × 10,000, effective N =
    /// 10,000 / HHI, top-3 and top-10 shares.
    /// </summary>
    /// <param name="holdings">Open lots on D.</param>
    /// <returns>The figures; not applicable when every merged market value is 0 (no positions).</returns>
    /// <exception cref="ArgumentException">A holding is invalid.</exception>
    public static RiskOutcome<ConcentrationFigures> Compute(IReadOnlyList<RiskHolding> holdings)
    {
        HoldingChecks.Validate(holdings);
        var merged = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var h in holdings) merged[h.Symbol] = merged.GetValueOrDefault(h.Symbol) + h.MarketValue;

        var sizes = merged.Values.Where(v => v != 0).Select(v => (double)Math.Abs(v)).OrderDescending().ToArray();
        if (sizes.Length == 0) return RiskOutcome.NotApplicable<ConcentrationFigures>("no open positions with a market value");

        var total = sizes.Sum();
        var weights = Array.ConvertAll(sizes, s => s / total);
        var hhi = weights.Sum(w => w * w) * 10_000.0;
        return RiskOutcome.Present(new ConcentrationFigures(
            sizes.Length, hhi, 10_000.0 / hhi, weights.Take(3).Sum(), weights.Take(10).Sum()));
    }
}
