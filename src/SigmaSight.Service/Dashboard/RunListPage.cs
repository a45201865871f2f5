using System.Globalization;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Persistence;
using static SigmaSight.Service.Dashboard.RunsHtml;

namespace SigmaSight.Service.Dashboard;

/// <summary><c>/hangfire/runs</c>: the ledger's runs, newest first, paged with <c>?from=&amp;count=</c>.</summary>
internal sealed class RunListPage : RazorPage
{
    private const int DefaultCount = 20;
    private const int MaxCount = 5000;

    public override void Execute()
    {
        Layout = new LayoutPage("Runs");
        var services = Context.GetHttpContext().RequestServices;
        var from = Math.Max(0, QueryInt("from") ?? 0);
        var count = Math.Clamp(QueryInt("count") ?? DefaultCount, 1, MaxCount);
        var view = new RunsReader(services.GetRequiredService<SigmaSightDbContext>()).ListRuns(from, count);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var pager = new Pager(from, count, view.Total) { BasePageUrl = Url.To(RunsDashboard.ListPath) };

        WriteLiteral("<div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">Runs</h1>");
        if (view.Total == 0)
        {
            WriteLiteral("<div class=\"alert alert-info\">No batch runs yet. Start one with the CLI " +
                         "(<code>run</code>, <code>backfill</code>, <code>recompute</code>) or the nightly schedule.</div>");
            WriteLiteral("</div></div>");
            return;
        }
        WriteLiteral("<div class=\"btn-toolbar btn-toolbar-top\">");
        Write(Html.PerPageSelector(pager));
        WriteLiteral("</div><div class=\"table-responsive\"><table class=\"table table-hover\" id=\"runs\"><thead><tr>" +
                     "<th class=\"min-width\">Run</th><th>Kind</th><th>Business date</th><th>Range</th><th>Scope</th>" +
                     "<th>Trigger</th><th>Status</th><th class=\"align-right\">Duration</th><th>Superseded by</th>" +
                     "</tr></thead><tbody>");
        foreach (var run in view.Runs) WriteRow(run, view, now);
        WriteLiteral("</tbody></table></div>");
        Write(Html.Paginator(pager));
        WriteLiteral("</div></div>");
    }

    private void WriteRow(BatchRun run, RunListView view, DateTimeOffset now)
    {
        var superseded = run.SupersededBy is { } next
            ? $"<a href=\"{RunUrl(next)}\"><code>{Short(next)}</code></a>"
            : "";
        WriteLiteral(
            $"<tr class=\"run-row\" data-run=\"{run.Id}\">" +
            $"<td class=\"min-width\"><a href=\"{RunUrl(run.Id)}\" title=\"{run.Id}\"><code>{Short(run.Id)}</code></a></td>" +
            $"<td>{Encode(run.Kind.ToString())}</td>" +
            $"<td>{Date(run.BusinessDate)}</td>" +
            $"<td>{Encode(Range(run))}</td>" +
            $"<td>{Scope(run, view.PortfolioNames)}</td>" +
            $"<td>{Trigger(run)}</td>" +
            $"<td>{RunBadge(run.Status)}</td>" +
            $"<td class=\"align-right\">{Duration(Duration(run, now))}</td>" +
            $"<td>{superseded}</td></tr>");
    }

    private string RunUrl(Guid id) => Encode(Url.To($"{RunsDashboard.ListPath}/{id}"));

    private int? QueryInt(string key) =>
        int.TryParse(Query(key), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
