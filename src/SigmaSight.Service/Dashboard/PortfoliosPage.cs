using System.Globalization;
using System.Text;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Persistence;
using static SigmaSight.Service.Dashboard.RunsHtml;

namespace SigmaSight.Service.Dashboard;

/// <summary><c>/hangfire/portfolios</c>: every portfolio with its latest snapshot, linked to its report.</summary>
internal sealed class PortfoliosPage : RazorPage
{
    public const string Path = "/portfolios";

    public override void Execute()
    {
        var db = Context.GetHttpContext().RequestServices.GetRequiredService<SigmaSightDbContext>();
        var rows = db.Portfolios.AsNoTracking().OrderBy(p => p.Name).Select(p => new
        {
            p.Id, p.Name, p.Owner, p.InceptionDate, p.IsActive,
            Latest = db.PortfolioSnapshots.Where(s => s.PortfolioId == p.Id).OrderByDescending(s => s.SnapshotDate)
                .Select(s => new { s.SnapshotDate, s.EquityBalance }).FirstOrDefault(),
        }).ToList();
        Layout = new LayoutPage("Portfolios");
        var html = new StringBuilder("<div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">Portfolios</h1>" +
            "<table class=\"table\" id=\"portfolios\"><thead><tr><th>Portfolio</th><th>Owner</th><th>Inception</th>" +
            "<th>Latest snapshot</th><th class=\"align-right\">NAV</th></tr></thead><tbody>");
        foreach (var p in rows)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"{Encode(Url.To($"{Path}/{p.Id}"))}\">{Encode(p.Name)}</a>{(p.IsActive ? "" : " <span class=\"label label-default\">inactive</span>")}</td>" +
                $"<td>{Encode(p.Owner)}</td><td>{Date(p.InceptionDate)}</td><td>{(p.Latest is null ? "–" : Date(p.Latest.SnapshotDate))}</td>" +
                $"<td class=\"align-right\">{(p.Latest is null ? "–" : p.Latest.EquityBalance.ToString("#,0.00", CultureInfo.InvariantCulture))}</td></tr>");
        }
        WriteLiteral(html.Append("</tbody></table></div></div>").ToString());
    }
}
