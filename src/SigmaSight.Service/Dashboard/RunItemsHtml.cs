using System.Globalization;
using System.Text;
using SigmaSight.Service.Batches;
using static SigmaSight.Service.Dashboard.RunsHtml;

namespace SigmaSight.Service.Dashboard;

/// <summary>The items table of the run page: unsuccessful first, <see cref="RunsReader.ItemCap"/> rows a page (<c>?page=N</c>).</summary>
internal static class RunItemsHtml
{
    private const int MaxErrorLength = 2000;
    private const int ShownSymbols = 12;

    /// <param name="view">The run.</param>
    /// <param name="jobUrl">The dashboard URL of a Hangfire job id, already HTML-encoded.</param>
    /// <param name="portfolioUrl">The dashboard URL of a portfolio's report, already HTML-encoded.</param>
    /// <param name="pageUrl">The URL of a page of items, already HTML-encoded.</param>
    public static string Render(RunView view, Func<string, string> jobUrl, Func<Guid, string> portfolioUrl, Func<int, string> pageUrl)
    {
        var html = new StringBuilder("<h3>Items</h3>");
        html.Append("<p class=\"run-item-counts\">");
        html.AppendJoin(" &middot; ", view.Counts.GroupBy(c => c.Key.Status).OrderBy(g => Rank(g.Key))
            .Select(g => $"{ItemBadge(g.Key)} {g.Sum(c => c.Value)}"));
        html.Append("</p>");
        if (view.PageCount > 1) html.Append(Pager(view, pageUrl));
        if (view.ItemCount == 0) return html.Append("<p><em>No items planned yet.</em></p>").ToString();

        html.Append("<table class=\"table table-hover\" id=\"run-items\"><thead><tr><th class=\"min-width\">State</th>" +
                    "<th class=\"min-width\">Phase</th><th>Item</th><th class=\"align-right\">Attempts</th><th>Error</th>" +
                    "<th>Started</th><th>Finished</th><th class=\"min-width\">Job</th></tr></thead><tbody>");
        foreach (var item in view.Items) AppendRow(html, item, view.PortfolioNames, jobUrl, portfolioUrl);
        html.Append("</tbody></table>");
        if (view.PageCount > 1) html.Append(Pager(view, pageUrl));
        return html.ToString();
    }

    /// <summary>"Items 301–307 of 307 (page 2 of 2), unsuccessful first" with a link to every page.</summary>
    private static string Pager(RunView view, Func<int, string> pageUrl)
    {
        var first = (view.Page - 1) * RunsReader.ItemCap + 1;
        var last = first + view.Items.Count - 1;
        var html = new StringBuilder("<div class=\"run-items-pager\"><p>");
        if (view.Items.Count == 0)
            html.Append(CultureInfo.InvariantCulture, $"Page {view.Page} is past the last page ({view.PageCount}) of {view.ItemCount} items.");
        else
            html.Append(CultureInfo.InvariantCulture,
                $"Items {first}–{last} of {view.ItemCount} (page {view.Page} of {view.PageCount}), unsuccessful first.");
        html.Append("</p><ul class=\"pagination\" style=\"margin-top:0\">");
        for (var page = 1; page <= view.PageCount; page++)
        {
            if (page == view.Page) html.Append(CultureInfo.InvariantCulture, $"<li class=\"active\"><span>{page}</span></li>");
            else html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{pageUrl(page)}\">{page}</a></li>");
        }
        return html.Append("</ul></div>").ToString();
    }

    private static void AppendRow(StringBuilder html, BatchItem item, IReadOnlyDictionary<Guid, string> names,
        Func<string, string> jobUrl, Func<Guid, string> portfolioUrl)
    {
        var job = item.HangfireJobId is { } id ? $"<a href=\"{jobUrl(id)}\">#{Encode(id)}</a>" : "";
        var late = item.LateSuccess ? " <span class=\"label label-info\" title=\"succeeded after it was counted as failed or blocked\">late</span>" : "";
        html.Append(CultureInfo.InvariantCulture,
            $"<tr class=\"run-item\" data-status=\"{item.Status}\"><td>{ItemBadge(item.Status)}{late}</td>" +
            $"<td>{item.Phase}</td><td>{Describe(item, names, portfolioUrl)}<br><small class=\"text-muted\">{Encode(item.ItemKey)}</small></td>" +
            $"<td class=\"align-right\">{item.Attempts}</td><td>{Error(item)}</td>" +
            $"<td>{Time(item.StartedAt)}</td><td>{Time(item.FinishedAt)}</td><td>{job}</td></tr>");
    }

    private static string Describe(BatchItem item, IReadOnlyDictionary<Guid, string> names, Func<Guid, string> portfolioUrl)
    {
        if (item.Phase == BatchPhases.Pnl && item.PortfolioId is { } portfolio)
        {
            var name = names.TryGetValue(portfolio, out var n) ? n : portfolio.ToString("D");
            return $"{Encode("P&L · ")}<a href=\"{portfolioUrl(portfolio)}\">{Encode(name)}</a>{Encode($" · {Date(item.ItemDate)}")}";
        }
        if (item.Phase == BatchPhases.MarketData)
        {
            var symbols = item.Symbols ?? [];
            var shown = string.Join(", ", symbols.Take(ShownSymbols)) + (symbols.Count > ShownSymbols ? ", …" : "");
            return $"<span title=\"{Encode(string.Join(", ", symbols))}\">" +
                   Encode($"Market data · {symbols.Count} symbols from {Date(item.ItemDate)}") +
                   (item.FetchedFrom is { } from ? Encode($" · fetched {Date(from)} to {Date(item.FetchedTo)}") : "") +
                   $"</span><br><small>{Encode(shown)}</small>";
        }
        return Encode(BatchPhases.Name(item.Phase));
    }

    private static string Error(BatchItem item)
    {
        if (string.IsNullOrEmpty(item.Error)) return "";
        var text = item.Error.Length > MaxErrorLength ? item.Error[..MaxErrorLength] + " …" : item.Error;
        var css = item.Status == ItemStatus.Failed ? "text-danger" : "text-muted";
        return $"<div class=\"{css} run-item-error\" style=\"white-space:pre-wrap;word-break:break-word\">{Encode(text)}</div>";
    }

    private static int Rank(ItemStatus status) => status switch
    {
        ItemStatus.Failed => 0,
        ItemStatus.Blocked => 1,
        ItemStatus.Running => 2,
        ItemStatus.Pending => 3,
        _ => 4,
    };
}
