namespace SigmaSight.Benchmarks;

/// <summary>A benchmarked kernel: what one operation is, and the mean time it must stay under, if any.</summary>
/// <param name="Benchmark">"Class.Method" of the benchmark.</param>
/// <param name="Operation">What one operation computes.</param>
/// <param name="Limit">The target for the mean of one operation; null when the kernel has none.</param>
internal sealed record Kernel(string Benchmark, string Operation, TimeSpan? Limit)
{
    /// <summary>Every kernel in report order; the two limits are issue 6's targets.</summary>
    public static IReadOnlyList<Kernel> All { get; } =
    [
        new($"{nameof(MarketBetaBenchmarks)}.{nameof(MarketBetaBenchmarks.MarketBetas)}",
            "market beta (OLS), 10,000 symbols × 90 days", TimeSpan.FromSeconds(1)),
        new($"{nameof(StyleBetaBenchmarks)}.{nameof(StyleBetaBenchmarks.RidgeStyleBetas)}",
            "style betas (ridge, 6 factors), 10,000 symbols × 90 days", null),
        new($"{nameof(VolatilityBenchmarks)}.{nameof(VolatilityBenchmarks.VolatilityProfiles)}",
            "volatility profile incl. HAR-RV, 10,000 symbols", null),
        new($"{nameof(CorrelationBenchmarks)}.{nameof(CorrelationBenchmarks.CorrelationWithPsdFix)}",
            "correlation 50 symbols × 90 days + PSD fix of a 50 × 50", TimeSpan.FromMilliseconds(5)),
        new($"{nameof(BlackScholesBenchmarks)}.{nameof(BlackScholesBenchmarks.BlackScholesGreeks)}",
            "Black–Scholes value + greeks, 10,000 options", null),
        new($"{nameof(ValueAtRiskBenchmarks)}.{nameof(ValueAtRiskBenchmarks.HistoricalAndParametricVar)}",
            "historical (252 P&Ls) + parametric (63 returns) VaR/ES", null),
    ];
}
