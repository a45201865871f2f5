using System.Globalization;
using System.Text;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using SigmaSight.Service.Batches.Diff;
using SigmaSight.Service.Cli;
using static SigmaSight.Service.Dashboard.RunsHtml;

namespace SigmaSight.Service.Dashboard;

/// <summary>
/// <c>/hangfire/runs/{a}/diff/{b}</c>: the snapshot figures that differ between what two runs verified
/// (<see cref="RunDiffer"/>), one row per changed field, and the portfolio-days only one of them has.
/// </summary>
internal sealed class RunDiffPage(string a, string b) : RazorPage
{
    public const int MaxRows = 1000;

    public override void Execute()
    {
        var services = Context.GetHttpContext().RequestServices;
        Layout = new LayoutPage("Run diff");
        WriteLiteral("<div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">Run diff</h1>");
        WriteLiteral($"<p><a href=\"{Encode(Url.To(RunsDashboard.ListPath))}\">&larr; All runs</a></p>");
        if (!Guid.TryParse(a, out var runA) || !Guid.TryParse(b, out var runB))
        {
            Context.Response.StatusCode = 404;
            WriteLiteral($"<div class=\"alert alert-warning\">Not two run ids: <code>{Encode(a)}</code>, <code>{Encode(b)}</code>.</div></div></div>");
            return;
        }
        try
        {
            // Hangfire's pages render synchronously; the diff reads with the request's own scope.
            var diff = services.GetRequiredService<RunDiffer>().CompareAsync(runA, runB, CancellationToken.None).GetAwaiter().GetResult();
            WriteLiteral(Render(diff));
        }
        catch (UsageException e)
        {
            WriteLiteral($"<div class=\"alert alert-warning\">{Encode(e.Message)}</div>");
        }
        WriteLiteral("</div></div>");
    }

    private string Render(RunDiff diff)
    {
        var c = CultureInfo.InvariantCulture;
        var html = new StringBuilder();
        html.Append(c, $"<p>Run <a href=\"{RunUrl(diff.RunA)}\"><code>{diff.RunA}</code></a> (A) against ")
            .Append(c, $"<a href=\"{RunUrl(diff.RunB)}\"><code>{diff.RunB}</code></a> (B), {Date(diff.From)}..{Date(diff.To)}: ")
            .Append(c, $"<strong id=\"diff-summary\">{diff.Compared} portfolio-day(s) compared, {diff.ChangedDays} changed ")
            .Append(c, $"({diff.Changes.Count} field(s)), {diff.OnlyInA.Count} only in A, {diff.OnlyInB.Count} only in B</strong>.</p>");
        if (diff.Same) return html.Append("<div class=\"alert alert-success\">No change: both runs verified the same figures.</div>").ToString();
        if (diff.Changes.Count > 0)
        {
            html.Append("<table class=\"table table-condensed\" id=\"diff-changes\"><thead><tr><th>Portfolio</th><th>Date</th><th>Field</th>" +
                "<th class=\"align-right\">A</th><th class=\"align-right\">B</th><th class=\"align-right\">B − A</th></tr></thead><tbody>");
            foreach (var change in diff.Changes.Take(MaxRows))
            {
                html.Append(c, $"<tr><td>{Encode(change.Portfolio)}</td><td>{Date(change.Date)}</td><td><code>{Encode(change.Field)}</code></td>")
                    .Append(c, $"<td class=\"align-right\">{Encode(change.A ?? "–")}</td><td class=\"align-right\">{Encode(change.B ?? "–")}</td>")
                    .Append(c, $"<td class=\"align-right\">{(change.Delta is { } d ? d.ToString("+0.##########;-0.##########", c) : "")}</td></tr>");
            }
            html.Append("</tbody></table>");
            if (diff.Changes.Count > MaxRows)
                html.Append(c, $"<p class=\"text-muted\">The first {MaxRows} of {diff.Changes.Count} changed fields; the API has them all.</p>");
        }
        foreach (var (label, days) in new[] { ("Only in A", diff.OnlyInA), ("Only in B", diff.OnlyInB) })
        {
            if (days.Count == 0) continue;
            html.Append(c, $"<h3>{label}</h3><ul>");
            foreach (var day in days.Take(MaxRows)) html.Append(c, $"<li>{Encode(day.Portfolio)} {Date(day.Date)}</li>");
            html.Append("</ul>");
        }
        return html.ToString();
    }

    private string RunUrl(Guid run) => Encode(Url.To($"{RunsDashboard.ListPath}/{run}"));
}
