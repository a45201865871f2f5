using SigmaSight.Analytics;
using SigmaSight.Analytics.Regression;
using SigmaSight.Analytics.Series;
using SigmaSight.Analytics.Volatility;
using SigmaSight.Service.Hosting;

namespace SigmaSight.Service.Risk.Symbols;

/// <summary>
/// Every phase-2 figure of one symbol as of a day (analytics conventions): one row per active factor definition —
/// OLS market and rate betas, the ridge style betas fitted together, the spread betas — and its volatility profile.
/// A figure that cannot be computed is a row with null statistics and the reason.
/// </summary>
public sealed class SymbolFigures(IReadOnlyList<FactorDefinition> factors, AnalyticsOptions settings)
{
    private const int RidgeWindow = 90;

    public (List<SymbolFactorExposure> Exposures, SymbolVolatility Volatility) Compute(
        string symbol, IReadOnlyDictionary<string, DatedCloses> closes, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(closes);
        var series = closes.GetValueOrDefault(symbol) ?? new DatedCloses(symbol, [], []);
        var rows = new List<SymbolFactorExposure>();
        foreach (var factor in factors.Where(f => f.Method == FactorMethods.RollingRegression))
        {
            var proxy = FactorCatalog.ProxyOf(factor.Name, factor.EtfProxy, settings);
            var fit = closes.TryGetValue(proxy, out var proxyCloses)
                ? SingleFactorBeta.Estimate(series, proxyCloses, asOf)
                : Estimates.Missing<OlsFit>($"no closes of the factor proxy {proxy}");
            rows.Add(Row(symbol, factor, asOf, fit, SingleFactorBeta.DefaultWindow));
        }
        foreach (var factor in factors.Where(f => f.Method == FactorMethods.SpreadRegression))
        {
            var fit = closes.TryGetValue(factor.EtfProxy, out var longLeg) && closes.TryGetValue(factor.SpreadShortProxy ?? "", out var shortLeg)
                ? SpreadBetas.Estimate(series, new SpreadFactor(factor.Name, longLeg, shortLeg), asOf)
                : Estimates.Missing<OlsFit>($"no closes of the spread legs {factor.EtfProxy} / {factor.SpreadShortProxy}");
            rows.Add(Row(symbol, factor, asOf, fit, SpreadBetas.DefaultWindow));
        }
        rows.AddRange(Style(symbol, series, closes, asOf));
        return (rows, Volatility(symbol, VolatilityProfile.FromCloses(series, asOf), asOf));
    }

    private IEnumerable<SymbolFactorExposure> Style(
        string symbol, DatedCloses series, IReadOnlyDictionary<string, DatedCloses> closes, DateOnly asOf)
    {
        var style = factors.Where(f => f.Method == FactorMethods.RidgeRegression).ToList();
        if (style.Count == 0) return [];
        var missing = style.Where(f => !closes.ContainsKey(f.EtfProxy)).Select(f => f.EtfProxy).ToList();
        var fit = missing.Count > 0
            ? Estimates.Missing<RidgeFit>($"no closes of the factor proxies {string.Join(", ", missing)}")
            : StyleBetas.Estimate(series, [.. style.Select(f => new FactorProxy(f.Name, closes[f.EtfProxy]))], asOf);
        return style.Select(f =>
        {
            var row = NewRow(symbol, f, asOf, RidgeWindow);
            if (!fit.TryGetValue(out var ridge)) return row with { Reason = fit.Reason };
            var beta = ridge.Betas.Single(b => b.Factor == f.Name);
            return row with
            {
                Beta = beta.Beta, Alpha = ridge.Intercept, RSquared = ridge.RSquared, Observations = ridge.Observations,
                Clipped = beta.Clipped,
            };
        }).Select(r => r.ToEntity());
    }

    private static SymbolFactorExposure Row(string symbol, FactorDefinition factor, DateOnly asOf, Estimate<OlsFit> fit, int window)
    {
        var row = NewRow(symbol, factor, asOf, window);
        return (fit.TryGetValue(out var ols)
            ? row with
            {
                Beta = ols.Beta, Alpha = ols.Alpha, RSquared = ols.RSquared, StdError = ols.StandardError,
                Observations = ols.Observations, Clipped = ols.Clipped,
            }
            : row with { Reason = fit.Reason }).ToEntity();
    }

    private static ExposureRow NewRow(string symbol, FactorDefinition factor, DateOnly asOf, int window) =>
        new(symbol, factor.Name, asOf, factor.Method, window);

    private static SymbolVolatility Volatility(string symbol, VolatilityProfile profile, DateOnly asOf)
    {
        var reasons = new[] { profile.Realized21.Reason, profile.Realized63.Reason, profile.Har.Reason, profile.Trend.Reason, profile.Percentile.Reason }
            .OfType<string>().Distinct().ToList();
        var trend = profile.Trend.TryGetValue(out var t) ? t : null;
        return new SymbolVolatility
        {
            Symbol = symbol,
            AsOf = asOf,
            RealizedVol21d = profile.Realized21.ValueOrNull(),
            RealizedVol63d = profile.Realized63.ValueOrNull(),
            ExpectedVol21d = profile.Har.TryGetValue(out var har) ? har.ExpectedVolatility21 : null,
            Trend = trend is null ? null : TrendName(trend.Direction),
            TrendSlope = trend?.Slope,
            TrendRSquared = trend?.RSquared,
            Percentile = profile.Percentile.ValueOrNull(),
            Observations = profile.Observations,
            Reason = reasons.Count == 0 ? null : string.Join("; ", reasons),
        };
    }

    private static string TrendName(TrendDirection direction) => direction switch
    {
        TrendDirection.Increasing => VolatilityTrends.Increasing,
        TrendDirection.Decreasing => VolatilityTrends.Decreasing,
        _ => VolatilityTrends.Stable,
    };

    /// <summary>An immutable draft of a <see cref="SymbolFactorExposure"/> row.</summary>
    private sealed record ExposureRow(string Symbol, string Factor, DateOnly AsOf, string Method, int WindowDays)
    {
        public double? Beta { get; init; }
        public double? Alpha { get; init; }
        public double? RSquared { get; init; }
        public double? StdError { get; init; }
        public int Observations { get; init; }
        public bool Clipped { get; init; }
        public string? Reason { get; init; }

        public SymbolFactorExposure ToEntity() => new()
        {
            Symbol = Symbol, Factor = Factor, AsOf = AsOf, Method = Method, WindowDays = WindowDays, Beta = Beta, Alpha = Alpha,
            RSquared = RSquared, StdError = StdError, Observations = Observations, Clipped = Clipped, Reason = Reason,
        };
    }
}
