using System.Globalization;
using System.Text;
using SigmaSight.Service.Risk.Reports;
using static SigmaSight.Service.Dashboard.RunsHtml;

namespace SigmaSight.Service.Dashboard;

/// <summary>The risk sections of the portfolio report: families, summary figures, factors, stress, sectors and greeks.</summary>
internal static class PortfolioRiskHtml
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Render(RiskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Summary;
        var html = new StringBuilder();
        html.Append(C, $"<h2>Risk as of {Date(report.AsOf)}</h2><table class=\"table table-condensed\" id=\"risk-families\"><thead><tr><th>Family</th><th>Status</th><th>Reason</th></tr></thead><tbody>");
        foreach (var f in report.Families) html.Append(C, $"<tr><td>{Encode(f.Family)}</td><td>{Encode(f.Status)}</td><td>{Encode(f.Reason)}</td></tr>");
        html.Append("</tbody></table><h3>Summary</h3><dl class=\"dl-horizontal\" id=\"risk-summary\">");
        void Row(string term, string value) => html.Append(C, $"<dt>{term}</dt><dd>{value}</dd>");
        Row("Market beta (90d)", Number(s.Beta90d, "0.000"));
        Row("Volatility 21d / 63d", $"{Number(s.RealizedVol21d, "0.0%")} / {Number(s.RealizedVol63d, "0.0%")}");
        Row("Snapshot volatility 21d / 63d", $"{Number(s.SnapshotRealizedVol21d, "0.0%")} / {Number(s.SnapshotRealizedVol63d, "0.0%")}" +
            (s.SnapshotVolatilityReason is { } why ? $" ({Encode(why)})" : ""));
        Row("HAR forecast 21d", $"{Number(s.ExpectedVol21d, "0.0%")} (trend {Encode(s.VolatilityTrend ?? "–")}, percentile {Number(s.VolatilityPercentile, "0%")})");
        Row("VaR 95% / 99% (historical)", $"{Money(s.Var95)} / {Money(s.Var99)}");
        Row("ES 95% / 99% (historical)", $"{Money(s.Es95)} / {Money(s.Es99)}");
        Row("VaR 95% / 99% (parametric)", $"{Money(s.ParametricVar95)} / {Money(s.ParametricVar99)}");
        Row("ES 95% / 99% (parametric)", $"{Money(s.ParametricEs95)} / {Money(s.ParametricEs99)}");
        Row("HHI / effective N", $"{Number(s.Hhi, "0.0000")} / {Number(s.EffectiveNumPositions, "0.0")}");
        Row("Top 3 / top 10", $"{Number(s.Top3Concentration, "0.0%")} / {Number(s.Top10Concentration, "0.0%")}");
        html.Append("</dl>");
        if (report.FactorExposures.Count > 0)
        {
            html.Append("<h3>Factor exposures</h3>").Append(SvgCharts.Bars("factor-exposures", "Factor betas",
                [.. report.FactorExposures.Where(f => f.Exposure is not null).Select(f => (f.Factor, f.Exposure!.Value))], "0.00"));
            html.Append("<table class=\"table table-condensed\" id=\"factor-table\"><thead><tr><th>Factor</th><th class=\"align-right\">Beta</th><th class=\"align-right\">Dollar exposure</th><th class=\"align-right\">Coverage</th><th>Without a figure</th></tr></thead><tbody>");
            foreach (var f in report.FactorExposures)
                html.Append(C, $"<tr><td>{Encode(f.Factor)}</td><td class=\"align-right\">{Number(f.Exposure, "0.000")}</td><td class=\"align-right\">{Money(f.ExposureDollar)}</td>")
                    .Append(C, $"<td class=\"align-right\">{f.Coverage.ToString("0.0%", C)}</td><td>{Encode(string.Join(", ", f.MissingSymbols))}</td></tr>");
            html.Append("</tbody></table>");
        }
        if (report.Stress.Count > 0)
        {
            var sorted = report.Stress.OrderBy(x => x.CorrelatedPnl).ToList();
            html.Append("<h3>Stress tests (correlated P&amp;L, worst first)</h3>")
                .Append(SvgCharts.Bars("stress-chart", "Correlated stress P&L", [.. sorted.Select(x => (x.Name, (double)x.CorrelatedPnl))], "#,0"))
                .Append("<table class=\"table table-condensed\" id=\"stress-table\"><thead><tr><th>Scenario</th><th>Category</th><th class=\"align-right\">Direct</th><th class=\"align-right\">Correlated</th></tr></thead><tbody>");
            foreach (var x in sorted)
                html.Append(C, $"<tr><td>{Encode(x.Name)}</td><td>{Encode(x.Category)}</td><td class=\"align-right\">{Money(x.DirectPnl)}</td><td class=\"align-right\">{Money(x.CorrelatedPnl)}</td></tr>");
            html.Append("</tbody></table>");
        }
        if (report.Sectors.Count > 0)
        {
            html.Append("<h3>Sectors against the benchmark</h3><table class=\"table table-condensed\" id=\"sector-table\"><thead><tr><th>Sector</th><th class=\"align-right\">Market value</th><th class=\"align-right\">Net</th><th class=\"align-right\">Gross</th><th class=\"align-right\">Benchmark</th></tr></thead><tbody>");
            foreach (var x in report.Sectors)
                html.Append(C, $"<tr><td>{Encode(x.Sector)}</td><td class=\"align-right\">{Money(x.MarketValue)}</td><td class=\"align-right\">{Number(x.NetWeight, "0.0%")}</td>")
                    .Append(C, $"<td class=\"align-right\">{Number(x.GrossWeight, "0.0%")}</td><td class=\"align-right\">{Number(x.BenchmarkWeight, "0.0%")}</td></tr>");
            html.Append("</tbody></table>");
        }
        var options = report.Positions.Where(p => p.Delta is not null).ToList();
        if (options.Count > 0)
        {
            html.Append("<h3>Option greeks</h3><table class=\"table table-condensed\" id=\"greeks-table\"><thead><tr><th>Symbol</th><th class=\"align-right\">Price</th><th class=\"align-right\">Delta</th><th class=\"align-right\">Gamma</th><th class=\"align-right\">Theta</th><th class=\"align-right\">Vega</th><th class=\"align-right\">Delta-adjusted</th></tr></thead><tbody>");
            foreach (var p in options)
                html.Append(C, $"<tr><td>{Encode(p.Symbol)}</td><td class=\"align-right\">{Money(p.Price)}</td><td class=\"align-right\">{Number(p.Delta, "0.000")}</td><td class=\"align-right\">{Number(p.Gamma, "0.0000")}</td>")
                    .Append(C, $"<td class=\"align-right\">{Number(p.Theta, "0.000")}</td><td class=\"align-right\">{Number(p.Vega, "0.000")}</td><td class=\"align-right\">{Money(p.DeltaAdjustedExposure)}</td></tr>");
            html.Append("</tbody></table>");
        }
        return html.ToString();
    }

    private static string Number(double? value, string format) => value is { } v ? v.ToString(format, C) : "–";

    private static string Money(decimal? value) => value is { } v ? v.ToString("#,0.00", C) : "–";
}
