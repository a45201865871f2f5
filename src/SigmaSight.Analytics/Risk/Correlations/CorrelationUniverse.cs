using SigmaSight.Analytics.Risk.Holdings;

namespace SigmaSight.Analytics.Risk.Correlations;

/// <summary>Which symbols enter a portfolio's correlation matrix (conventions: "Correlations").</summary>
public static class CorrelationUniverse
{
    /// <summary>Default inclusion threshold: 1% of gross exposure.</summary>
    public const decimal DefaultMinimumShare = 0.01m;

    /// <summary>
    /// Merges lots per risk symbol (options under their underlying, by delta-adjusted exposure; a long and a short
    /// lot net out), leaves private assets out, and keeps the symbols with |merged value| ≥
    /// <paramref name="minimumShare"/> × gross, gross = Σ|merged value| over all non-private symbols. Exact (decimal).
    /// </summary>
    /// <param name="holdings">Open lots on D.</param>
    /// <param name="minimumShare">Inclusion threshold as a share of gross (0..1), default 1%.</param>
    /// <returns>The members in ordinal symbol order; empty when gross is 0.</returns>
    /// <exception cref="ArgumentException">A holding is invalid, or <paramref name="minimumShare"/> is outside [0, 1].</exception>
    public static IReadOnlyList<CorrelationMember> Select(IReadOnlyList<RiskHolding> holdings, decimal minimumShare = DefaultMinimumShare)
    {
        HoldingChecks.Validate(holdings);
        if (minimumShare is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(minimumShare), minimumShare, "must be a share between 0 and 1");

        var merged = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var h in holdings.Where(h => h.Kind != HoldingKind.Private))
            merged[h.RiskSymbol!] = merged.GetValueOrDefault(h.RiskSymbol!) + h.ExposureValue;

        var gross = merged.Values.Sum(Math.Abs);
        if (gross == 0) return [];
        return [.. merged.Where(m => Math.Abs(m.Value) >= minimumShare * gross).Select(m => new CorrelationMember(m.Key, m.Value))];
    }
}
