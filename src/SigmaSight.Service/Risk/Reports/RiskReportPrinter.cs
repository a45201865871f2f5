using System.Globalization;

namespace SigmaSight.Service.Risk.Reports;

/// <summary>The readable form of a <see cref="RiskReport"/> (the <c>risk</c> verb without <c>--json</c>).</summary>
public static class RiskReportPrinter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task PrintAsync(RiskReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var s = report.Summary;
        var lines = new List<string>
        {
            $"risk of {report.Portfolio} as of {report.AsOf:yyyy-MM-dd}  NAV {Money(report.Nav)}",
            "  families",
        };
        lines.AddRange(report.Families.Select(f => $"    {f.Family,-18} {f.Status,-22} {f.Reason}"));
        lines.Add($"  market beta {Num(s.Beta90d)}  vol 21d {Pct(s.RealizedVol21d)}  63d {Pct(s.RealizedVol63d)}  " +
            $"HAR 21d {Pct(s.ExpectedVol21d)}  trend {s.VolatilityTrend ?? "-"}  percentile {Pct(s.VolatilityPercentile)}");
        lines.Add($"  vol of the snapshots' returns 21d {Pct(s.SnapshotRealizedVol21d)}  63d {Pct(s.SnapshotRealizedVol63d)}" +
            (s.SnapshotVolatilityReason is { } why ? $"  ({why})" : ""));
        lines.Add($"  VaR 1d historical 95% {Money(s.Var95)} 99% {Money(s.Var99)}  ES 95% {Money(s.Es95)} 99% {Money(s.Es99)}");
        lines.Add($"  VaR 1d parametric 95% {Money(s.ParametricVar95)} 99% {Money(s.ParametricVar99)}  ES 95% {Money(s.ParametricEs95)} 99% {Money(s.ParametricEs99)}");
        lines.Add($"  concentration HHI {Num(s.Hhi)}  effective N {Num(s.EffectiveNumPositions)}  top-3 {Pct(s.Top3Concentration)}  top-10 {Pct(s.Top10Concentration)}");
        lines.Add("  factor exposures                 beta      dollar        coverage  without a figure");
        lines.AddRange(report.FactorExposures.Select(e =>
            $"    {e.Factor,-26} {Num(e.Exposure),9} {Money(e.ExposureDollar),14} {Pct(e.Coverage),8}  {string.Join(' ', e.MissingSymbols)}"));
        if (report.Correlation is { } c)
            lines.Add($"  correlations ({c.Symbols.Count} symbols, {c.Observations} days): overall {Num(c.OverallCorrelation)}, effective positions {Num(c.EffectivePositions)}");
        lines.Add("  stress (linear approximations)          direct       correlated");
        lines.AddRange(report.Stress.Select(r => $"    {r.Name,-32} {Money(r.DirectPnl),14} {Money(r.CorrelatedPnl),14}"));
        lines.Add("  sectors                          value          net     gross  benchmark");
        lines.AddRange(report.Sectors.Select(x =>
            $"    {x.Sector,-26} {Money(x.MarketValue),14} {Pct(x.NetWeight),8} {Pct(x.GrossWeight),8} {Pct(x.BenchmarkWeight),8}"));
        var options = report.Positions.Where(p => p.Delta is not null).ToList();
        if (options.Count > 0)
        {
            lines.Add("  options (per lot: delta and gamma in shares, theta per trading day, vega per vol point)");
            lines.AddRange(options.Select(p => $"    {p.Symbol,-22} delta {Num(p.Delta),10} gamma {Num(p.Gamma),9} theta {Num(p.Theta),10} " +
                $"vega {Num(p.Vega),10} exposure {Money(p.DeltaAdjustedExposure)}"));
        }
        foreach (var line in lines) await output.WriteLineAsync(line).ConfigureAwait(false);
    }

    private static string Money(decimal? value) => value is { } v ? v.ToString("#,##0.00", Invariant) : "-";

    private static string Num(double? value) => value is { } v ? v.ToString("0.0000", Invariant) : "-";

    private static string Pct(double? value) => value is { } v ? (v * 100).ToString("0.00", Invariant) + "%" : "-";
}
