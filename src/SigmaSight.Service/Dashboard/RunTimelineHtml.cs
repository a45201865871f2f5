using System.Globalization;
using System.Text;
using SigmaSight.Service.Batches;
using static SigmaSight.Service.Dashboard.RunsHtml;

namespace SigmaSight.Service.Dashboard;

/// <summary>
/// The run page's timeline: a Gantt-like strip with one row per phase, its bar from start to finish (or now), and
/// under it a tick per item of this page (start to finish), red for a failed one. Inline SVG, drawn on the server.
/// </summary>
internal static class RunTimelineHtml
{
    private const int Width = 720;
    private const int Label = 130;
    private const int Row = 26;
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Render(RunView view, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(view);
        var started = view.Phases.Where(p => p.StartedAt is not null).ToList();
        if (started.Count == 0) return "";
        var from = view.Run.StartedAt ?? started.Min(p => p.StartedAt!.Value);
        var to = new[] { view.Run.FinishedAt ?? now }.Concat(started.Select(p => p.FinishedAt ?? now)).Max();
        var span = Math.Max((to - from).TotalSeconds, 0.001);
        double X(DateTimeOffset t) => Label + ((Width - Label - 10) * Math.Clamp((t - from).TotalSeconds / span, 0, 1));
        var height = (view.Phases.Count * Row) + 22;
        var svg = new StringBuilder("<h3>Timeline</h3>")
            .Append(C, $"<svg id=\"run-timeline\" role=\"img\" aria-label=\"Run timeline\" viewBox=\"0 0 {Width} {height}\" ")
            .Append(C, $"style=\"width:100%;max-width:{Width}px;height:auto\" xmlns=\"http://www.w3.org/2000/svg\"><title>Run timeline</title>");
        for (var i = 0; i < view.Phases.Count; i++)
        {
            var phase = view.Phases[i];
            var y = i * Row;
            svg.Append(C, $"<text x=\"{Label - 6}\" y=\"{y + 15}\" text-anchor=\"end\" font-size=\"11\">{Encode(BatchPhases.Name(phase.Phase))}</text>");
            if (phase.StartedAt is not { } start) continue;
            var end = phase.FinishedAt ?? now;
            svg.Append(C, $"<rect class=\"phase-bar\" x=\"{X(start):0.#}\" y=\"{y + 3}\" width=\"{Math.Max(X(end) - X(start), 1):0.#}\" height=\"12\" ")
               .Append(C, $"fill=\"{PhaseColour(phase.Status)}\"><title>{Encode(BatchPhases.Name(phase.Phase))}: {phase.Status}, ")
               .Append(C, $"{Seconds(end - start)} ({phase.Expected - phase.Remaining}/{phase.Expected} items)</title></rect>");
            foreach (var item in view.Items.Where(x => x.Phase == phase.Phase && x.StartedAt is not null))
            {
                var itemEnd = item.FinishedAt ?? now;
                svg.Append(C, $"<rect class=\"item-tick\" x=\"{X(item.StartedAt!.Value):0.#}\" y=\"{y + 17}\" width=\"{Math.Max(X(itemEnd) - X(item.StartedAt.Value), 1):0.#}\" ")
                   .Append(C, $"height=\"5\" fill=\"{(item.Status == ItemStatus.Failed ? "#d9534f" : "#999")}\" opacity=\"0.7\">")
                   .Append(C, $"<title>{Encode(item.ItemKey)}: {item.Status}, {Seconds(itemEnd - item.StartedAt.Value)}</title></rect>");
            }
        }
        // Plain text: an HTML element such as Time()'s <span> would end the SVG in an HTML parser and fall out of the chart.
        svg.Append(C, $"<text x=\"{Label}\" y=\"{height - 4}\" font-size=\"10\">{from.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC</text>")
           .Append(C, $"<text x=\"{Width - 10}\" y=\"{height - 4}\" text-anchor=\"end\" font-size=\"10\">+{Seconds(to - from)}</text>");
        return svg.Append("</svg>").ToString();
    }

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.0", C) + " s";

    private static string PhaseColour(PhaseStatus status) => status switch
    {
        PhaseStatus.Completed => "#5cb85c",
        PhaseStatus.CompletedWithErrors => "#f0ad4e",
        PhaseStatus.Running => "#5bc0de",
        _ => "#999",
    };
}
