using System.Globalization;
using System.Text;
using static SigmaSight.Service.Dashboard.RunsHtml;

namespace SigmaSight.Service.Dashboard;

/// <summary>
/// Inline SVG charts rendered on the server (no script, no CDN; they print): a line over dates, columns over dates
/// (positive green, negative red) and labelled horizontal bars.
/// </summary>
internal static class SvgCharts
{
    private const int Width = 720;
    private const int Height = 200;
    private const int Left = 90;
    private const int Bottom = 24;
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Line(string id, string title, IReadOnlyList<(DateOnly Date, double Value)> points, string format)
    {
        if (points.Count == 0) return Empty(title);
        var (min, max) = Range(points.Select(p => p.Value));
        var svg = Open(id, title, Height);
        Axis(svg, min, max, format);
        var path = string.Join(" ", points.Select((p, i) => string.Create(C, $"{X(i, points.Count):0.#},{Y(p.Value, min, max):0.#}")));
        svg.Append(C, $"<polyline fill=\"none\" stroke=\"#337ab7\" stroke-width=\"2\" points=\"{path}\"/>");
        Dates(svg, points[0].Date, points[^1].Date);
        return svg.Append("</svg>").ToString();
    }

    public static string Columns(string id, string title, IReadOnlyList<(DateOnly Date, double Value)> points, string format)
    {
        if (points.Count == 0) return Empty(title);
        var (min, max) = Range(points.Select(p => p.Value).Append(0));
        var svg = Open(id, title, Height);
        Axis(svg, min, max, format);
        var step = (Width - Left - 10) / (double)points.Count;
        var zero = Y(0, min, max);
        for (var i = 0; i < points.Count; i++)
        {
            var y = Y(points[i].Value, min, max);
            svg.Append(C, $"<rect x=\"{Left + (i * step) + 0.5:0.#}\" y=\"{Math.Min(y, zero):0.#}\" width=\"{Math.Max(step - 1, 1):0.#}\" ")
               .Append(C, $"height=\"{Math.Max(Math.Abs(zero - y), 0.5):0.#}\" fill=\"{(points[i].Value >= 0 ? "#5cb85c" : "#d9534f")}\">")
               .Append(C, $"<title>{Date(points[i].Date)}: {points[i].Value.ToString(format, C)}</title></rect>");
        }
        Dates(svg, points[0].Date, points[^1].Date);
        return svg.Append("</svg>").ToString();
    }

    public static string Bars(string id, string title, IReadOnlyList<(string Label, double Value)> bars, string format)
    {
        if (bars.Count == 0) return Empty(title);
        const int Row = 18;
        const int LabelWidth = 230;
        var height = (bars.Count * Row) + 10;
        var (min, max) = Range(bars.Select(b => b.Value).Append(0));
        var scale = (Width - LabelWidth - 90) / (max - min);
        var zero = LabelWidth + ((0 - min) * scale);
        var svg = Open(id, title, height);
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var x = LabelWidth + ((value - min) * scale);
            var y = 5 + (i * Row);
            svg.Append(C, $"<text x=\"{LabelWidth - 6}\" y=\"{y + 13}\" text-anchor=\"end\" font-size=\"11\">{Encode(label)}</text>")
               .Append(C, $"<rect x=\"{Math.Min(x, zero):0.#}\" y=\"{y + 2}\" width=\"{Math.Max(Math.Abs(x - zero), 0.5):0.#}\" height=\"{Row - 4}\" ")
               .Append(C, $"fill=\"{(value >= 0 ? "#5cb85c" : "#d9534f")}\"><title>{Encode(label)}: {value.ToString(format, C)}</title></rect>")
               .Append(C, $"<text x=\"{Math.Max(x, zero) + 4:0.#}\" y=\"{y + 13}\" font-size=\"10\">{value.ToString(format, C)}</text>");
        }
        svg.Append(C, $"<line x1=\"{zero:0.#}\" x2=\"{zero:0.#}\" y1=\"0\" y2=\"{height}\" stroke=\"#999\"/>");
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string id, string title, int height) => new StringBuilder()
        .Append(C, $"<svg id=\"{id}\" role=\"img\" aria-label=\"{Encode(title)}\" viewBox=\"0 0 {Width} {height}\" ")
        .Append(C, $"style=\"width:100%;max-width:{Width}px;height:auto\" xmlns=\"http://www.w3.org/2000/svg\"><title>{Encode(title)}</title>");

    private static string Empty(string title) => $"<p class=\"text-muted\">{Encode(title)}: no data yet.</p>";

    private static (double Min, double Max) Range(IEnumerable<double> values)
    {
        var list = values.ToList();
        var (min, max) = (list.Min(), list.Max());
        if (max - min < 1e-12) (min, max) = (min - 1, max + 1);
        var pad = (max - min) * 0.05;
        return (min - pad, max + pad);
    }

    private static double X(int index, int count) => Left + ((Width - Left - 10) * (count == 1 ? 0.5 : index / (double)(count - 1)));

    private static double Y(double value, double min, double max) => 8 + ((Height - Bottom - 8) * (1 - ((value - min) / (max - min))));

    private static void Axis(StringBuilder svg, double min, double max, string format)
    {
        foreach (var value in new[] { max, (min + max) / 2, min })
        {
            var y = Y(value, min, max);
            svg.Append(C, $"<line x1=\"{Left}\" x2=\"{Width - 10}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#eee\"/>")
               .Append(C, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"10\">{value.ToString(format, C)}</text>");
        }
    }

    private static void Dates(StringBuilder svg, DateOnly first, DateOnly last) =>
        svg.Append(C, $"<text x=\"{Left}\" y=\"{Height - 6}\" font-size=\"10\">{Date(first)}</text>")
           .Append(C, $"<text x=\"{Width - 10}\" y=\"{Height - 6}\" text-anchor=\"end\" font-size=\"10\">{Date(last)}</text>");
}
