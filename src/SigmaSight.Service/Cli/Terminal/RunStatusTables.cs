using System.Globalization;
using SigmaSight.Service.Batches;
using Spectre.Console;

namespace SigmaSight.Service.Cli.Terminal;

/// <summary>
/// One run on a terminal: a header with its status, a table of its phases (items, succeeded, failed, blocked,
/// duration), its unsuccessful items with their error and a link to the Hangfire job, and its data-quality findings.
/// </summary>
public static class RunStatusTables
{
    public static void Render(IAnsiConsole console, RunStatusView view)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(view);
        var run = view.Run;
        console.MarkupLine(Text($"run [bold]{run.Id}[/]  {run.Kind}  {run.RangeFrom:yyyy-MM-dd}..{run.RangeTo:yyyy-MM-dd}  ") +
            $"[{Colour(run.Status)}]{run.Status}[/]" + (run.DurationSeconds is { } s ? Text($"  in {s:0.0} s") : ""));
        console.Write(Phases(view.Phases));
        if (view.Unsuccessful.Count > 0) console.Write(Items(view));
        if (view.Findings.Count > 0) console.Write(Findings(view));
        if (run.Summary is not null) console.MarkupLine($"summary: {Markup.Escape(run.Summary)}");
        if (run.DetailPrunedAt is { } pruned)
            console.MarkupLine($"retention pruned this run's items, phases and findings on {pruned:yyyy-MM-dd} (Retention:KeepDays)");
        console.MarkupLine($"dashboard: [link]{Markup.Escape(view.RunUrl)}[/]");
    }

    /// <summary>Phase, status, items, succeeded, failed, blocked and duration, with a total row.</summary>
    public static Table Phases(IReadOnlyList<PhaseCounts> phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        var table = new Table().RoundedBorder().Title("phases").ShowFooters()
            .AddColumn(new TableColumn("phase") { Footer = new Text("total"), NoWrap = true }).AddColumn(new TableColumn("status") { NoWrap = true })
            .AddColumn(Right("items", Number(phases.Sum(p => p.Expected)))).AddColumn(Right("done", Number(phases.Sum(p => p.Done))))
            .AddColumn(Right("succeeded", Number(phases.Sum(p => p.Succeeded))))
            .AddColumn(Right("failed", Failures(phases.Sum(p => p.Failed)))).AddColumn(Right("blocked", Failures(phases.Sum(p => p.Blocked))))
            .AddColumn(Right("duration", ""));
        foreach (var p in phases)
            table.AddRow(Markup.Escape(p.Name), p.Status == PhaseStatus.CompletedWithErrors ? $"[red]{p.Status}[/]" : p.Status.ToString(),
                Number(p.Expected), Number(p.Done), Number(p.Succeeded), Failures(p.Failed), Failures(p.Blocked),
                p.DurationSeconds is { } s ? Text($"{s:0.0} s") : "-");
        return table;
    }

    private static Table Items(RunStatusView view)
    {
        var table = new Table().RoundedBorder()
            .Title(Text($"unsuccessful items ({view.Unsuccessful.Count} of {view.UnsuccessfulCount})"))
            .AddColumn("item").AddColumn("status").AddColumn("error").AddColumn(new TableColumn("job") { NoWrap = true });
        foreach (var i in view.Unsuccessful)
            table.AddRow(Markup.Escape(i.ItemKey), $"[red]{i.Status}[/]", Markup.Escape(i.Error ?? ""),
                i.JobUrl is { } url ? $"[link]{Markup.Escape(url)}[/]" : "-");
        return table;
    }

    private static Table Findings(RunStatusView view)
    {
        var table = new Table().RoundedBorder()
            .Title(Text($"data quality ({view.Findings.Count} of {view.FindingCount}, most severe first)"))
            .AddColumn("severity").AddColumn("kind").AddColumn("date").AddColumn("symbol").AddColumn("detail");
        foreach (var f in view.Findings)
            table.AddRow(f.Severity is "error" or "critical" ? $"[red]{f.Severity}[/]" : $"[yellow]{Markup.Escape(f.Severity)}[/]",
                Markup.Escape(f.Kind), Text($"{f.BusinessDate:yyyy-MM-dd}"), Markup.Escape(f.Symbol ?? "-"), Markup.Escape(f.Detail));
        return table;
    }

    private static string Colour(RunStatus status) => status switch
    {
        RunStatus.Completed => "green",
        RunStatus.Running => "blue",
        RunStatus.CompletedWithErrors => "yellow",
        _ => "red",
    };

    private static TableColumn Right(string header, string footer) => new TableColumn(header) { Footer = new Markup(footer) }.RightAligned();

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Failures(int value) => value == 0 ? "0" : $"[red]{Number(value)}[/]";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
