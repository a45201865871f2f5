using SigmaSight.Service.MarketData.Synthetic;
using SigmaSight.Service.Portfolios.Demo;

namespace SigmaSight.UnitTests.MarketData;

/// <summary>
/// What the synthetic market's generating model implies for a regression on SPY, derived from the loadings alone.
/// </summary>
/// <remarks>
/// A symbol's daily log-return is x_i = d_i + Σ_k a_ik·f_k + s_i·ε_i with independent factors f_k ~ N(0, σ_k²) and
/// independent standard normals ε (no mean reversion except VIX, which is left out). SPY is x_s = d_s + f_Market +
/// 0.001·ε_s. Hence (x_i, x_s) is bivariate normal with c = Cov(x_i, x_s) = Σ_k (a_ik·σ_k)(a_sk·σ_k) = a_i,Market·σ_M²,
/// v_s = σ_M² + 0.001² and v_i = Σ_k (a_ik·σ_k)² + s_i². Style and rate factors are independent of the market and
/// absent from SPY, so they add nothing to the slope, only to the residual; SPY's own noise attenuates every slope
/// by σ_M² / v_s = 169/170 (σ_M = 0.013). The beta kernel regresses simple returns R = eˣ − 1, whose population
/// slope is exactly (lognormal moments) β = e^(d_i − d_s + (v_i − v_s)/2) · (e^c − 1) / (e^(v_s) − 1), within
/// ~10⁻⁴ relative of c / v_s. Closes rounded to 4 decimals add negligible noise. For a basket of symbols with
/// weights w_i (a portfolio) the same moments hold with Σ_i w_i·a_ik in place of a_ik and Σ_i w_i²·s_i² as idiosyncratic variance.
/// </remarks>
internal static class SyntheticTruth
{
    public const string Benchmark = "SPY";

    /// <summary>The population slope of <paramref name="symbol"/>'s simple returns on SPY's: exactly 1 for SPY.</summary>
    public static double GeneratingBeta(SyntheticMarket market, string symbol)
    {
        ArgumentNullException.ThrowIfNull(market);
        if (symbol == Benchmark) return 1.0;
        var loadings = market.LoadingsOf(symbol);
        var spy = market.LoadingsOf(Benchmark);
        if (loadings.MeanReversion != 0) throw new ArgumentException($"{symbol} mean-reverts: its slope has no closed form here", nameof(symbol));
        var one = Basket.Of(market, new Dictionary<string, double> { [symbol] = 1.0 });
        var benchmark = Basket.Of(market, new Dictionary<string, double> { [Benchmark] = 1.0 });
        var covariance = one.Covariance(benchmark);
        var spyVariance = benchmark.Variance;
        return Math.Exp(loadings.DailyDrift - spy.DailyDrift + ((one.Variance - spyVariance) / 2))
            * double.ExpM1(covariance) / double.ExpM1(spyVariance);
    }

    /// <summary>
    /// The sampling standard error of an OLS slope on SPY over <paramref name="returns"/> returns for a basket of
    /// symbols (one symbol: weight 1): √(v / v_s − (c / v_s)²) / √n, in log-return moments.
    /// </summary>
    public static double StandardError(SyntheticMarket market, IReadOnlyDictionary<string, double> weights, int returns)
    {
        var basket = Basket.Of(market, weights);
        var benchmark = Basket.Of(market, new Dictionary<string, double> { [Benchmark] = 1.0 });
        var slope = basket.Covariance(benchmark) / benchmark.Variance;
        return Math.Sqrt(Math.Max((basket.Variance / benchmark.Variance) - (slope * slope), 0) / returns);
    }

    /// <summary>
    /// Signed market value / Σ signed market value over the portfolio's PUBLIC lots, valued at their entry prices
    /// (the closes on the inception date), by symbol. Options and private assets are left out.
    /// </summary>
    public static Dictionary<string, double> PublicWeightsAtInception(DemoPortfolio portfolio)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        var values = portfolio.Lots.Where(l => l.InvestmentClass == "PUBLIC")
            .GroupBy(l => l.Symbol, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity * l.EntryPrice), StringComparer.Ordinal);
        var total = values.Values.Sum();
        return values.ToDictionary(v => v.Key, v => (double)(v.Value / total), StringComparer.Ordinal);
    }

    /// <summary>A weighted basket's factor exposures Σ_i w_i·a_ik·σ_k and idiosyncratic variance Σ_i w_i²·s_i².</summary>
    private sealed record Basket(double[] ScaledLoadings, double IdiosyncraticVariance)
    {
        public double Variance => Covariance(this) + IdiosyncraticVariance;

        public double Covariance(Basket other) => ScaledLoadings.Zip(other.ScaledLoadings, (x, y) => x * y).Sum();

        public static Basket Of(SyntheticMarket market, IReadOnlyDictionary<string, double> weights)
        {
            var scaled = new double[SyntheticFactors.Count];
            var idiosyncratic = 0.0;
            var unit = new double[SyntheticFactors.Count];
            foreach (var (symbol, weight) in weights)
            {
                var loadings = market.LoadingsOf(symbol);
                for (var k = 0; k < scaled.Length; k++)
                {
                    Array.Clear(unit);
                    unit[k] = SyntheticFactors.Sigmas[k];
                    scaled[k] += weight * loadings.Systematic(unit); // the generator's own Σ_k a_k·f_k at f = σ_k·e_k
                }

                idiosyncratic += weight * weight * loadings.IdiosyncraticSigma * loadings.IdiosyncraticSigma;
            }

            return new Basket(scaled, idiosyncratic);
        }
    }
}
