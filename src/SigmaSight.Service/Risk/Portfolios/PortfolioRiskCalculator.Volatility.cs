using SigmaSight.Analytics;
using SigmaSight.Analytics.Risk.Holdings;
using SigmaSight.Analytics.Volatility;

namespace SigmaSight.Service.Risk.Portfolios;

/// <summary>The volatility family: holdings-based and snapshot-based.</summary>
public sealed partial class PortfolioRiskCalculator
{
    /// <summary>
    /// The volatility family: each position's symbol figures; the portfolio's realised 21/63, HAR forecast, trend and
    /// percentile from the return series its current holdings would have had (so a new portfolio has them from its first
    /// day); and beside them the realised 21/63 of its own stored snapshot returns, null with their reason until it has
    /// enough. The family's status and reason describe the holdings-based figures; the snapshot-based ones carry their own
    /// reason (their absence on a young portfolio is expected, not a gap in the family).
    /// </summary>
    private (string, string?) Volatility()
    {
        var snapshots = SnapshotVolatility.FromDailyReturns(inputs.SnapshotReturns);
        _figures.SnapshotColumns.Add(s =>
        {
            s.SnapshotRealizedVol21d = snapshots.Realized21.ValueOrNull();
            s.SnapshotRealizedVol63d = snapshots.Realized63.ValueOrNull();
            s.SnapshotVolatilityReason = snapshots.Reason;
        });
        foreach (var lot in inputs.Lots.Where(l => l.Holding.RiskSymbol is not null))
        {
            var vol = inputs.SymbolVolatility.GetValueOrDefault(lot.Holding.RiskSymbol!);
            var risk = PositionRisk(lot);
            risk.RealizedVol21d = vol?.RealizedVol21d;
            risk.RealizedVol63d = vol?.RealizedVol63d;
            risk.ExpectedVol21d = vol?.ExpectedVol21d;
        }
        var symbols = RiskSymbols();
        if (symbols.Count == 0) return (AnalyticStatuses.NotApplicable, "no priced holdings (private assets only)");
        var series = HoldingsSeries.Returns(_holdings, _nav, Returns(symbols, HistoryReturns));
        if (series.Value is not { } returns) return Of(series);
        var profile = VolatilityProfile.FromReturns(returns);
        _figures.SnapshotColumns.Add(s =>
        {
            s.RealizedVol21d = profile.Realized21.ValueOrNull();
            s.RealizedVol63d = profile.Realized63.ValueOrNull();
            s.ExpectedVol21d = profile.Har.TryGetValue(out var har) ? har.ExpectedVolatility21 : null;
            s.VolatilityTrend = profile.Trend.TryGetValue(out var trend) ? trend.Direction.ToString().ToLowerInvariant() : null;
            s.VolatilityPercentile = profile.Percentile.ValueOrNull();
        });
        var reasons = new[] { profile.Realized21.Reason, profile.Realized63.Reason, profile.Har.Reason, profile.Trend.Reason, profile.Percentile.Reason }
            .OfType<string>().Distinct().ToList();
        return reasons.Count == 0 ? Present() : (AnalyticStatuses.InsufficientHistory, string.Join("; ", reasons));
    }
}
