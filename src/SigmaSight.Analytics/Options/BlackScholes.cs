using MathNet.Numerics.Distributions;

namespace SigmaSight.Analytics.Options;

/// <summary>
/// European Black–Scholes valuation without dividends (early exercise ignored).
/// </summary>
public static class BlackScholes
{
    /// <summary>Trading days per year used to express theta per trading day.</summary>
    public const double TradingDaysPerYear = 252.0;

    /// <summary>
    /// Values a European option. With d1 = (ln(S/K) + (r + σ²/2)T) / (σ√T) and d2 = d1 − σ√T:
    /// call = S·N(d1) − K·e^(−rT)·N(d2); put = K·e^(−rT)·N(−d2) − S·N(−d1);
    /// delta = N(d1) (call) or N(d1) − 1 (put); gamma = φ(d1) / (S·σ·√T);
    /// annual theta = −S·φ(d1)·σ / (2√T) ∓ r·K·e^(−rT)·N(±d2) (− and N(d2) for calls, + and N(−d2) for puts), reported ÷ 252;
    /// vega = S·φ(d1)·√T, reported × 0.01 (per volatility point).
    /// When <paramref name="yearsToExpiry"/> ≤ 0 the option is worth its intrinsic value max(S−K,0) / max(K−S,0),
    /// delta is 1 (call, S &gt; K), −1 (put, S &lt; K) or 0, and gamma, theta and vega are 0.
    /// </summary>
    /// <param name="kind">Call or put.</param>
    /// <param name="spot">Underlying price S (&gt; 0).</param>
    /// <param name="strike">Strike K (&gt; 0).</param>
    /// <param name="yearsToExpiry">Time to expiry T in years.</param>
    /// <param name="riskFreeRate">Continuously compounded annual risk-free rate r (e.g. 0.04).</param>
    /// <param name="volatility">Annualised volatility σ (&gt; 0 when T &gt; 0; e.g. 0.2 for 20%).</param>
    /// <exception cref="ArgumentOutOfRangeException">An input is NaN/infinite, S or K ≤ 0, or σ ≤ 0 with T &gt; 0.</exception>
    public static OptionValuation Value(
        OptionKind kind, double spot, double strike, double yearsToExpiry, double riskFreeRate, double volatility)
    {
        RequirePositive(spot, nameof(spot));
        RequirePositive(strike, nameof(strike));
        RequireFinite(yearsToExpiry, nameof(yearsToExpiry));
        RequireFinite(riskFreeRate, nameof(riskFreeRate));
        RequireFinite(volatility, nameof(volatility));

        if (yearsToExpiry <= 0) return AtExpiry(kind, spot, strike);
        RequirePositive(volatility, nameof(volatility));

        var sqrtT = Math.Sqrt(yearsToExpiry);
        var sigmaSqrtT = volatility * sqrtT;
        var d1 = (Math.Log(spot / strike) + ((riskFreeRate + (0.5 * volatility * volatility)) * yearsToExpiry)) / sigmaSqrtT;
        var d2 = d1 - sigmaSqrtT;
        var discountedStrike = strike * Math.Exp(-riskFreeRate * yearsToExpiry);
        var density = Normal.PDF(0.0, 1.0, d1);

        var gamma = density / (spot * sigmaSqrtT);
        var vega = spot * density * sqrtT;
        var decay = -spot * density * volatility / (2.0 * sqrtT);

        return kind == OptionKind.Call
            ? new OptionValuation(
                Price: (spot * Cdf(d1)) - (discountedStrike * Cdf(d2)),
                Delta: Cdf(d1),
                Gamma: gamma,
                ThetaPerTradingDay: (decay - (riskFreeRate * discountedStrike * Cdf(d2))) / TradingDaysPerYear,
                VegaPerVolPoint: vega * 0.01)
            : new OptionValuation(
                Price: (discountedStrike * Cdf(-d2)) - (spot * Cdf(-d1)),
                Delta: Cdf(d1) - 1.0,
                Gamma: gamma,
                ThetaPerTradingDay: (decay + (riskFreeRate * discountedStrike * Cdf(-d2))) / TradingDaysPerYear,
                VegaPerVolPoint: vega * 0.01);
    }

    /// <summary>Intrinsic value: max(S − K, 0) for a call, max(K − S, 0) for a put.</summary>
    public static decimal Intrinsic(OptionKind kind, decimal spot, decimal strike) =>
        kind == OptionKind.Call ? Math.Max(spot - strike, 0m) : Math.Max(strike - spot, 0m);

    private static OptionValuation AtExpiry(OptionKind kind, double spot, double strike) => kind == OptionKind.Call
        ? new OptionValuation(Math.Max(spot - strike, 0.0), spot > strike ? 1.0 : 0.0, 0.0, 0.0, 0.0)
        : new OptionValuation(Math.Max(strike - spot, 0.0), spot < strike ? -1.0 : 0.0, 0.0, 0.0, 0.0);

    private static double Cdf(double x) => Normal.CDF(0.0, 1.0, x);

    private static void RequireFinite(double value, string name)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(name, value, "must be a finite number");
    }

    private static void RequirePositive(double value, string name)
    {
        RequireFinite(value, name);
        if (value <= 0) throw new ArgumentOutOfRangeException(name, value, "must be > 0");
    }
}
