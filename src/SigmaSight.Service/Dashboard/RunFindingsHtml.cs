using System.Globalization;
using System.Text;
using static SigmaSight.Service.Dashboard.RunsHtml;

namespace SigmaSight.Service.Dashboard;

/// <summary>The run page's data-quality table: missing, stale (warning or critical) and other findings, most severe first.</summary>
internal static class RunFindingsHtml
{
    public static string Render(RunView view)
    {
        if (view.Findings.Count == 0) return "";
        var count = string.Create(CultureInfo.InvariantCulture,
            $"{view.Findings.Count}{(view.Findings.Count >= RunsReader.FindingCap ? "+" : "")}");
        var html = new StringBuilder($"<h3>Data quality <small>{count} finding(s)</small></h3>" +
            "<table class=\"table\" id=\"run-findings\"><thead><tr><th>Severity</th><th>Kind</th><th>Date</th><th>Symbol</th>" +
            "<th>Portfolio</th><th>Detail</th></tr></thead><tbody>");
        foreach (var f in view.Findings)
        {
            var label = f.Severity switch { "error" or "critical" => "danger", "warning" => "warning", _ => "default" };
            var portfolio = f.PortfolioId is { } p ? Encode(view.PortfolioNames.GetValueOrDefault(p, p.ToString())) : "";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr class=\"run-finding\" data-severity=\"{Encode(f.Severity)}\"><td><span class=\"label label-{label}\">{Encode(f.Severity)}</span></td>" +
                $"<td>{Encode(f.Kind)}</td><td>{Date(f.BusinessDate)}</td><td>{Encode(f.Symbol ?? "")}</td><td>{portfolio}</td>" +
                $"<td>{Encode(f.Detail)}</td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }
}
