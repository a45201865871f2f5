using SigmaSight.Analytics.Risk.Holdings;

namespace SigmaSight.Analytics.Risk.Stress;

/// <summary>Exponentially weighted covariance of factor returns (conventions: "Stress tests").</summary>
public static class EwmaCovariance
{
    /// <summary>Default decay λ.</summary>
    public const double DefaultLambda = 0.94;

    /// <summary>Default window: 252 returns ending D.</summary>
    public const int DefaultWindow = 252;

    /// <summary>
    /// Σ_ij = Σ_k (1 − λ) λ^k r_i,D−k r_j,D−k over k = 0 (the newest return) .. window − 1: zero mean, weights not
    /// renormalised (they sum to 1 − λ^window).
    /// </summary>
    /// <param name="factors">Factor names, the matrix's order.</param>
    /// <param name="proxyReturns">Simple daily returns of each factor's proxy, keyed by factor name, aligned (same length,
    /// oldest first, ending D — the business date, not today); longer series are cut to the window.</param>
    /// <param name="lambda">Decay, 0 &lt; λ &lt; 1.</param>
    /// <param name="window">Returns used; fewer available → insufficient history.</param>
    /// <exception cref="ArgumentException">A factor is repeated or its series is missing, misaligned or not finite; λ or window out of range.</exception>
    public static RiskOutcome<FactorCovariance> Estimate(
        IReadOnlyList<string> factors,
        IReadOnlyDictionary<string, double[]> proxyReturns,
        double lambda = DefaultLambda,
        int window = DefaultWindow)
    {
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentNullException.ThrowIfNull(proxyReturns);
        if (!(lambda is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "must be in (0, 1)");
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        if (factors.Count == 0) throw new ArgumentException("no factors", nameof(factors));
        if (factors.Distinct(StringComparer.Ordinal).Count() != factors.Count)
            throw new ArgumentException($"factors are repeated: {string.Join(", ", factors)}", nameof(factors));

        var length = HoldingChecks.Series(proxyReturns, factors[0], null, "factor return").Length;
        var series = factors.Select(f => HoldingChecks.Series(proxyReturns, f, length, "factor return")).ToArray();
        if (length < window) return RiskOutcome.InsufficientHistory<FactorCovariance>(length, window);

        var n = factors.Count;
        var sums = new double[n, n];
        var weight = 1.0 - lambda;
        for (var k = 0; k < window; k++)
        {
            var t = length - 1 - k;
            for (var i = 0; i < n; i++)
            {
                var wi = weight * series[i][t];
                for (var j = 0; j <= i; j++) sums[i, j] += wi * series[j][t];
            }

            weight *= lambda;
        }

        var rows = new IReadOnlyList<double>[n];
        for (var i = 0; i < n; i++)
        {
            var row = new double[n];
            for (var j = 0; j < n; j++) row[j] = j <= i ? sums[i, j] : sums[j, i];
            rows[i] = row;
        }

        return RiskOutcome.Present(new FactorCovariance([.. factors], rows, window));
    }
}
