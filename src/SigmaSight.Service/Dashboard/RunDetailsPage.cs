using System.Globalization;
using System.Text;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Persistence;
using static SigmaSight.Service.Dashboard.RunsHtml;

namespace SigmaSight.Service.Dashboard;

/// <summary><c>/hangfire/runs/{id}</c>: one run's header, per-phase progress and its items (unsuccessful first).</summary>
internal sealed class RunDetailsPage(string id) : RazorPage
{
    public override void Execute()
    {
        var services = Context.GetHttpContext().RequestServices;
        var db = services.GetRequiredService<SigmaSightDbContext>();
        var lookup = RunReferences.Find(db.BatchRuns, id, "run");
        var page = int.TryParse(Query("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : 1;
        var view = lookup.Id is { } runId ? new RunsReader(db).FindRun(runId, page) : null;
        if (view is null)
        {
            NotFound(lookup.Problem);
            return;
        }
        var run = view.Run;
        Layout = new LayoutPage($"Run {Short(run.Id)}");
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        WriteLiteral("<div class=\"row\"><div class=\"col-md-12\">");
        WriteLiteral($"<h1 class=\"page-header\">Run <code>{Short(run.Id)}</code> {RunBadge(run.Status)}</h1>");
        WriteLiteral($"<p><a href=\"{RunUrl(null)}\">&larr; All runs</a></p>");
        WriteHeader(view, now);
        WritePhases(view);
        WriteLiteral(RunTimelineHtml.Render(view, now));
        WriteLiteral(RunFindingsHtml.Render(view));
        WriteLiteral(RunItemsHtml.Render(view, jobId => Encode(Url.JobDetails(jobId)),
            portfolio => Encode(Url.To($"{PortfoliosPage.Path}/{portfolio}")),
            n => Encode(Url.To($"{RunsDashboard.ListPath}/{run.Id}") + string.Create(CultureInfo.InvariantCulture, $"?page={n}"))));
        WriteLiteral("</div></div>");
    }

    private void NotFound(string? problem)
    {
        Context.Response.StatusCode = 404;
        Layout = new LayoutPage("Run not found");
        WriteLiteral("<div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">Run not found</h1>" +
                     $"<div class=\"alert alert-warning\">{Encode(problem ?? $"run {id} does not exist")}</div>" +
                     $"<p><a href=\"{RunUrl(null)}\">&larr; All runs</a></p></div></div>");
    }

    private void WriteHeader(RunView view, DateTimeOffset now)
    {
        var run = view.Run;
        var html = new StringBuilder("<dl class=\"dl-horizontal run-header\">");
        void Row(string term, string value) => html.Append(CultureInfo.InvariantCulture, $"<dt>{term}</dt><dd>{value}</dd>");
        Row("Run", $"<code>{run.Id}</code>");
        Row("Status", RunBadge(run.Status));
        Row("Kind", Encode(run.Kind.ToString()));
        Row("Business date", Date(run.BusinessDate));
        Row("Range", Encode(Range(run)));
        Row("Scope", Scope(run, view.PortfolioNames));
        Row("Trigger", Trigger(run));
        Row("Created", Time(run.CreatedAt));
        Row("Started", Time(run.StartedAt));
        Row("Finished", run.FinishedAt is null ? "<em class=\"text-muted\">not yet</em>" : Time(run.FinishedAt));
        Row("Duration", Duration(Duration(run, now)));
        if (run.SupersededBy is { } next) Row("Superseded by", RunLink(next));
        if (view.Supersedes.Count > 0) Row("Supersedes", string.Join(", ", view.Supersedes.Select(RunLink)));
        var related = view.Supersedes.Select(g => (Guid?)g).Append(run.SupersededBy).OfType<Guid>().ToList();
        if (run.DetailPrunedAt is { } pruned)
            Row("Retention", $"items, phases and findings pruned on {Time(pruned)} (<code>Retention:KeepDays</code>)");
        else if (run.FiguresVersion is not null && related.Count > 0)
            Row("Compare", string.Join(", ", related.Select(other => CompareLink(run.Id, other, newer: other == run.SupersededBy))));
        if (!string.IsNullOrWhiteSpace(run.Summary))
            Row("Summary", $"<pre class=\"run-summary\" style=\"white-space:pre-wrap\">{Encode(run.Summary)}</pre>");
        html.Append("</dl>");
        WriteLiteral(html.ToString());
    }

    /// <summary>The diff of this run's figures and another's, the older run as A (as <c>diff</c> takes them): B − A is what changed since.</summary>
    private string CompareLink(Guid run, Guid other, bool newer)
    {
        var (a, b) = newer ? (run, other) : (other, run);
        return $"<a href=\"{Encode(Url.To($"{RunsDashboard.ListPath}/{a}/diff/{b}"))}\">figures against <code>{Short(other)}</code></a>";
    }

    private void WritePhases(RunView view)
    {
        var html = new StringBuilder("<h3>Phases</h3><table class=\"table\" id=\"run-phases\"><thead><tr>" +
            "<th class=\"min-width\">Phase</th><th>Name</th><th>Status</th><th class=\"align-right\">Done</th>" +
            "<th style=\"width:30%\">Progress</th><th>Started</th><th>Finished</th><th>Starter job</th></tr></thead><tbody>");
        foreach (var phase in view.Phases)
        {
            var done = phase.Expected - phase.Remaining;
            var starter = phase.StarterJobId is { } job
                ? $"<a href=\"{Encode(Url.JobDetails(job))}\">#{Encode(job)}</a>"
                : "";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr class=\"run-phase\" data-phase=\"{phase.Phase}\"><td>{phase.Phase}</td><td>{Encode(phase.Name)}</td>" +
                $"<td>{PhaseBadge(phase.Status)}</td><td class=\"align-right\">{done}/{phase.Expected}</td>" +
                $"<td>{ProgressBar(view, phase)}</td><td>{Time(phase.StartedAt)}</td><td>{Time(phase.FinishedAt)}</td>" +
                $"<td>{starter}</td></tr>");
        }
        if (view.Phases.Count == 0) html.Append("<tr><td colspan=\"8\"><em>No phase started yet.</em></td></tr>");
        html.Append("</tbody></table>");
        WriteLiteral(html.ToString());
    }

    /// <summary>A stacked bar over the expected items: succeeded green, blocked orange, failed red.</summary>
    private static string ProgressBar(RunView view, BatchPhase phase)
    {
        if (phase.Expected <= 0) return "<span class=\"text-muted\">planning</span>";
        var html = new StringBuilder("<div class=\"progress\" style=\"margin-bottom:0\">");
        foreach (var status in (ItemStatus[])[ItemStatus.Succeeded, ItemStatus.Blocked, ItemStatus.Failed])
        {
            var count = view.Counts.GetValueOrDefault((phase.Phase, status));
            if (count == 0) continue;
            var percent = Math.Min(100.0, 100.0 * count / phase.Expected);
            html.Append(CultureInfo.InvariantCulture,
                $"<div class=\"progress-bar progress-bar-{ItemClass(status)}\" role=\"progressbar\" " +
                $"style=\"width:{percent:0.##}%\" title=\"{status}: {count}\">{(percent >= 8 ? $"{count}" : "")}</div>");
        }
        return html.Append("</div>").ToString();
    }

    private string RunLink(Guid other) => $"<a href=\"{RunUrl(other)}\"><code>{Short(other)}</code></a>";

    private string RunUrl(Guid? other) =>
        Encode(Url.To(other is { } g ? $"{RunsDashboard.ListPath}/{g}" : RunsDashboard.ListPath));
}
