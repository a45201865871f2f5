using System.Globalization;
using SigmaSight.Service.Bench;
using Spectre.Console;

namespace SigmaSight.Service.Cli.Terminal;

/// <summary>A bench run's phases as a terminal table: phase, status, items, duration and items per second.</summary>
public static class BenchTable
{
    public static Table Of(RunFigures run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var table = new Table().RoundedBorder()
            .Title(Text($"run {run.RunId}: {run.Status} in {run.WallSeconds:F1} s, {run.HangfireJobs:N0} Hangfire jobs ({run.JobsPerSecond:F1}/s)"))
            .AddColumn("phase").AddColumn("status").AddColumn(new TableColumn("items").RightAligned())
            .AddColumn(new TableColumn("duration").RightAligned()).AddColumn(new TableColumn("items/s").RightAligned());
        foreach (var p in run.Phases)
            table.AddRow(Markup.Escape(p.Name), Markup.Escape(p.Status), Text($"{p.Items:N0}"), p.Seconds is { } s ? Text($"{s:F1} s") : "-",
                p.Seconds is > 0 and var seconds ? Text($"{p.Items / seconds:F1}") : "-");
        return table;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
