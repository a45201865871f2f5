using System.Globalization;
using System.Text;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Risk.Reports;
using static SigmaSight.Service.Dashboard.RunsHtml;

namespace SigmaSight.Service.Dashboard;

/// <summary>
/// <c>/hangfire/portfolios/{id}</c>: a portfolio's report: equity curve and daily P&amp;L over its snapshots, exposures,
/// volatility over time, and every risk family of its latest analytics day (<see cref="PortfolioRiskHtml"/>).
/// </summary>
internal sealed class PortfolioReportPage(string id) : RazorPage
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public override void Execute()
    {
        var services = Context.GetHttpContext().RequestServices;
        var db = services.GetRequiredService<SigmaSightDbContext>();
        var portfolio = Guid.TryParse(id, out var portfolioId) ? db.Portfolios.AsNoTracking().SingleOrDefault(p => p.Id == portfolioId) : null;
        if (portfolio is null)
        {
            Context.Response.StatusCode = 404;
            Layout = new LayoutPage("Portfolio not found");
            WriteLiteral($"<div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">Portfolio not found</h1>" +
                $"<div class=\"alert alert-warning\">No portfolio <code>{Encode(id)}</code>.</div></div></div>");
            return;
        }
        var snapshots = db.PortfolioSnapshots.AsNoTracking().Where(s => s.PortfolioId == portfolioId).OrderBy(s => s.SnapshotDate).ToList();
        // Hangfire's pages render synchronously; the reader runs on the request's own scope.
        var risk = services.GetRequiredService<RiskReportReader>().ReadAsync(portfolioId, null, CancellationToken.None).GetAwaiter().GetResult();
        Layout = new LayoutPage(portfolio.Name);
        var html = new StringBuilder("<div class=\"row\"><div class=\"col-md-12\">");
        html.Append(C, $"<h1 class=\"page-header\">{Encode(portfolio.Name)}</h1>")
            .Append(C, $"<p><a href=\"{Encode(Url.To(PortfoliosPage.Path))}\">&larr; All portfolios</a> · owner {Encode(portfolio.Owner)} · ")
            .Append(C, $"inception {Date(portfolio.InceptionDate)} · <a href=\"{Encode(Url.To($"/../api/portfolios/{portfolioId}/risk"))}\">risk as JSON</a></p>");
        if (snapshots.Count == 0)
        {
            html.Append("<div class=\"alert alert-info\">No snapshot yet: run the batch.</div>");
        }
        else
        {
            var last = snapshots[^1];
            html.Append(C, $"<dl class=\"dl-horizontal\" id=\"portfolio-latest\"><dt>Latest snapshot</dt><dd>{Date(last.SnapshotDate)}</dd>")
                .Append(C, $"<dt>NAV</dt><dd id=\"portfolio-nav\">{Money(last.EquityBalance)}</dd>")
                .Append(C, $"<dt>Daily P&amp;L</dt><dd>{Money(last.DailyPnl)}</dd><dt>Cumulative P&amp;L</dt><dd>{Money(last.CumulativePnl)}</dd>")
                .Append(C, $"<dt>Long / short</dt><dd>{Money(last.LongValue)} / {Money(last.ShortValue)}</dd>")
                .Append(C, $"<dt>Gross / net</dt><dd>{Money(last.GrossExposure)} / {Money(last.NetExposure)}</dd>")
                .Append(C, $"<dt>Cash</dt><dd>{Money(last.CashValue)}</dd><dt>Positions</dt><dd>{last.NumPositions} ({last.NumLongPositions} long, {last.NumShortPositions} short)</dd></dl>");
            html.Append("<h3>Equity curve</h3>")
                .Append(SvgCharts.Line("equity-curve", "NAV by day", [.. snapshots.Select(s => (s.SnapshotDate, (double)s.EquityBalance))], "#,0"))
                .Append("<h3>Daily P&amp;L</h3>")
                .Append(SvgCharts.Columns("daily-pnl", "Daily P&L", [.. snapshots.Select(s => (s.SnapshotDate, (double)s.DailyPnl))], "#,0"))
                .Append("<h3>Exposures</h3>")
                .Append(SvgCharts.Line("gross-exposure", "Gross exposure by day", [.. snapshots.Select(s => (s.SnapshotDate, (double)s.GrossExposure))], "#,0"))
                .Append("<h3>Volatility over time (21-day realised, annualised)</h3>")
                .Append(SvgCharts.Line("volatility", "21-day realised volatility by analytics day",
                    [.. snapshots.Where(s => s.RealizedVol21d is not null).Select(s => (s.SnapshotDate, s.RealizedVol21d!.Value))], "0.0%"));
        }
        html.Append(risk is null ? "<div class=\"alert alert-info\">No risk analytics yet.</div>" : PortfolioRiskHtml.Render(risk));
        WriteLiteral(html.Append("</div></div>").ToString());
    }

    private static string Money(decimal value) => value.ToString("#,0.00", C);
}
