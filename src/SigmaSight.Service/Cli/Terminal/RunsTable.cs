using System.Globalization;
using SigmaSight.Service.Batches;
using Spectre.Console;

namespace SigmaSight.Service.Cli.Terminal;

/// <summary>The most recent runs as a terminal table: id, kind, range, status, created (UTC), duration, superseded by.</summary>
public static class RunsTable
{
    public static Table Of(IReadOnlyList<BatchRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var table = new Table().RoundedBorder().AddColumn("run").AddColumn("kind").AddColumn("range").AddColumn("status")
            .AddColumn("created (UTC)").AddColumn(new TableColumn("took").RightAligned()).AddColumn("superseded by");
        foreach (var r in runs)
            table.AddRow(r.Id.ToString(), r.Kind.ToString(), Text($"{r.RangeFrom:yyyy-MM-dd}..{r.RangeTo:yyyy-MM-dd}"),
                r.Status switch
                {
                    RunStatus.Completed => "[green]Completed[/]",
                    RunStatus.Running => "[blue]Running[/]",
                    RunStatus.Superseded => "[grey]Superseded[/]",
                    RunStatus.CompletedWithErrors => "[yellow]CompletedWithErrors[/]",
                    _ => $"[red]{r.Status}[/]",
                },
                Text($"{r.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}"),
                (r.FinishedAt - r.StartedAt) is { } took ? Text($"{took.TotalSeconds:0.0} s") : "-",
                r.SupersededBy is { } next ? RunReferences.Shown(next) : "");
        return table;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
