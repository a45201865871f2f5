using SigmaSight.Analytics.Risk.Holdings;

namespace SigmaSight.Analytics.Risk.Sectors;

/// <summary>Sector exposure against a benchmark (conventions: "Sector and concentration").</summary>
public static class SectorExposureCalculator
{
    /// <summary>
    /// Buckets every lot by market value: stocks under their GICS sector (<see cref="SectorBuckets.Unclassified"/>
    /// without one), ETFs/funds, options and private assets in their own buckets. Per stock sector: net weight =
    /// Σ signed MV / Σ signed MV of all stocks, compared with the benchmark (difference = net − benchmark); per
    /// bucket: gross weight = Σ|MV| / NAV. Benchmark sectors the portfolio does not hold appear with weight 0.
    /// </summary>
    /// <param name="holdings">Open lots on D.</param>
    /// <param name="nav">NAV on D.</param>
    /// <param name="benchmark">Sector → weight (e.g. the latest S&amp;P 500 weights on or before D); null when there is none.</param>
    /// <returns>The breakdown; not applicable when NAV ≤ 0.</returns>
    /// <exception cref="ArgumentException">A holding is invalid, or a benchmark weight is not finite.</exception>
    public static RiskOutcome<SectorBreakdown> Compute(
        IReadOnlyList<RiskHolding> holdings, decimal nav, IReadOnlyDictionary<string, double>? benchmark)
    {
        HoldingChecks.Validate(holdings);
        if (nav <= 0) return RiskOutcome.NotApplicable<SectorBreakdown>($"NAV is not positive ({nav}): gross weights are undefined");
        foreach (var (sector, weight) in benchmark ?? new Dictionary<string, double>())
        {
            if (!double.IsFinite(weight)) throw HoldingChecks.NotFinite($"benchmark weight of {sector}", weight);
        }

        var net = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var gross = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var equitySectors = new HashSet<string>(benchmark?.Keys ?? [], StringComparer.Ordinal);
        foreach (var h in holdings)
        {
            var bucket = Bucket(h);
            if (h.Kind == HoldingKind.Stock) equitySectors.Add(bucket);
            net[bucket] = net.GetValueOrDefault(bucket) + h.MarketValue;
            gross[bucket] = gross.GetValueOrDefault(bucket) + Math.Abs(h.MarketValue);
        }

        var sleeve = holdings.Where(h => h.Kind == HoldingKind.Stock).Sum(h => h.MarketValue);
        var reason = sleeve > 0 ? null
            : holdings.Any(h => h.Kind == HoldingKind.Stock) ? $"the stock sleeve is net short or flat ({sleeve}): net weights are undefined"
            : "no stocks: net weights are undefined";
        var rows = gross.Keys.Union(equitySectors).Order(StringComparer.Ordinal).Select(sector =>
        {
            var isEquity = equitySectors.Contains(sector);
            double? netWeight = isEquity && reason is null ? (double)(net.GetValueOrDefault(sector) / sleeve) : null;
            double? benchmarkWeight = isEquity && benchmark is not null ? benchmark.GetValueOrDefault(sector) : null;
            return new SectorWeight(
                sector, isEquity, netWeight, (double)(gross.GetValueOrDefault(sector) / nav), benchmarkWeight, netWeight - benchmarkWeight);
        });
        return RiskOutcome.Present(new SectorBreakdown([.. rows], sleeve, reason));
    }

    private static string Bucket(RiskHolding h) => h.Kind switch
    {
        HoldingKind.Stock => string.IsNullOrWhiteSpace(h.Sector) ? SectorBuckets.Unclassified : h.Sector,
        HoldingKind.Etf => SectorBuckets.Etf,
        HoldingKind.Option => SectorBuckets.Options,
        _ => SectorBuckets.Private,
    };
}
