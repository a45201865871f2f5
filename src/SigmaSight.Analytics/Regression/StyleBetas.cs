using SigmaSight.Analytics.Series;

namespace SigmaSight.Analytics.Regression;

/// <summary>
/// A symbol's style-factor betas (Value VTV, Growth VUG, Momentum MTUM, Quality QUAL, Size IWM, Low Volatility
/// USMV): ridge regression of the symbol's simple returns on all factor returns together, aligned across the
/// symbol and every factor. Window 90, minimum 30, λ = 1.
/// </summary>
/// <remarks>
/// Over the window, X is centred and scaled by its population standard deviation (n denominator), Z = (X − x̄) / SD;
/// the fit minimises ‖y − a − Z b‖² + λ‖b‖² with the intercept a unpenalised, i.e. b = (ZᵀZ + λI)⁻¹ Zᵀ(y − ȳ);
/// beta_f = b_f / SD_f, clipped to ±5 per factor. λ is fixed, so the shrinkage depends on the window length.
/// Raw style betas contain the market move (the factor proxies are long-only ETFs).
/// </remarks>
public static class StyleBetas
{
    /// <summary>Default window: the last 90 aligned returns.</summary>
    public const int DefaultWindow = 90;

    /// <summary>Default minimum number of aligned returns.</summary>
    public const int DefaultMinimum = 30;

    /// <summary>Default penalty λ on the standardised scale.</summary>
    public const double DefaultLambda = 1.0;

    /// <summary>Fits the ridge regression over the last <paramref name="window"/> aligned returns ending on or before <paramref name="asOf"/>.</summary>
    /// <param name="symbol">The symbol's closes.</param>
    /// <param name="factors">One or more factors with their proxies' closes; the betas keep this order.</param>
    /// <param name="asOf">Closes dated after this are ignored.</param>
    /// <param name="window">How many of the latest aligned returns to use.</param>
    /// <param name="minimum">Fewer aligned returns than this → not computed.</param>
    /// <param name="lambda">The penalty on the standardised scale; &gt; 0.</param>
    /// <returns>
    /// The fit; or "insufficient history: k of minimum observations"; or a zero-variance reason when the symbol or
    /// a factor proxy is constant over the window.
    /// </returns>
    /// <exception cref="ArgumentException">No factors, a null factor, <paramref name="minimum"/> &lt; 3,
    /// <paramref name="window"/> &lt; <paramref name="minimum"/>, or <paramref name="lambda"/> not a positive finite number.</exception>
    public static Estimate<RidgeFit> Estimate(
        DatedCloses symbol,
        IReadOnlyList<FactorProxy> factors,
        DateOnly asOf,
        int window = DefaultWindow,
        int minimum = DefaultMinimum,
        double lambda = DefaultLambda)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        ArgumentNullException.ThrowIfNull(factors);
        if (factors.Count == 0) throw new ArgumentException("at least one factor is needed", nameof(factors));
        SingleFactorBeta.RequireWindow(window, minimum);
        if (!double.IsFinite(lambda) || lambda <= 0)
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "λ must be a positive finite number");

        var series = new DatedCloses[factors.Count + 1];
        series[0] = symbol;
        for (var f = 0; f < factors.Count; f++)
            series[f + 1] = factors[f]?.Closes ?? throw new ArgumentException($"factor {f} is null", nameof(factors));

        var aligned = ReturnAlignment.Align(series, asOf, window);
        return aligned.Count < minimum
            ? Estimates.Missing<RidgeFit>(Estimates.InsufficientHistory(aligned.Count, minimum))
            : Ridge.Fit(aligned, symbol.Name, factors, lambda);
    }
}
