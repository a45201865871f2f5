using System.Globalization;
using Spectre.Console;
using SigmaSight.Service.MarketData.Import;
using SigmaSight.Service.Portfolios.Import;

namespace SigmaSight.Service.Cli.Terminal;

/// <summary>The summary tables of <c>import-prices</c> and <c>import-portfolios</c> on a terminal.</summary>
public static class ImportTables
{
    /// <summary>Rows read, inserted, updated, unchanged, rejected, closes changed, time, rate and peak RSS.</summary>
    public static Table Prices(string path, PriceImportResult outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var table = new Table().RoundedBorder().Title(Markup.Escape($"import-prices: {(path == "-" ? "standard input" : path)}"))
            .AddColumn("rows read").AddColumn("inserted").AddColumn("updated").AddColumn("unchanged").AddColumn("rejected")
            .AddColumn("closes changed").AddColumn("time").AddColumn("rows/s").AddColumn("peak RSS");
        foreach (var column in table.Columns) column.RightAligned();
        table.AddRow(Text($"{outcome.RowsRead:N0}"), Text($"{outcome.Inserted:N0}"), Text($"{outcome.Updated:N0}"), Text($"{outcome.Unchanged:N0}"),
            outcome.Rejected > 0 ? Text($"[red]{outcome.Rejected:N0}[/]") : "0", Text($"{outcome.ClosesChanged:N0}"),
            Text($"{outcome.Elapsed.TotalSeconds:F2} s"), Text($"{outcome.RowsPerSecond:N0}"),
            ProcessMemory.PeakResidentBytes() is { } bytes ? Text($"{bytes / 1048576.0:F0} MB") : "-");
        return table;
    }

    /// <summary>One row per portfolio: status, inception, lots and flows by outcome, recompute scheduled.</summary>
    public static Table Portfolios(ImportSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var table = new Table().RoundedBorder().Title("import-portfolios")
            .AddColumn("portfolio").AddColumn("status").AddColumn("inception").AddColumn(Right("lots added")).AddColumn(Right("changed"))
            .AddColumn(Right("closed")).AddColumn(Right("unchanged")).AddColumn(Right("flows added")).AddColumn(Right("changed"))
            .AddColumn(Right("unchanged")).AddColumn("recompute from");
        foreach (var p in summary.Portfolios)
            table.AddRow(Markup.Escape(p.Portfolio), Markup.Escape(p.Status), Text($"{p.Inception:yyyy-MM-dd}"), Text($"{p.LotsAdded}"),
                Text($"{p.LotsChanged}"), Text($"{p.LotsClosed}"), Text($"{p.LotsUnchanged}"), Text($"{p.FlowsAdded}"),
                Text($"{p.FlowsChanged}"), Text($"{p.FlowsUnchanged}"), p.RecomputeFrom is { } from ? Text($"[yellow]{from:yyyy-MM-dd}[/]") : "-");
        return table;
    }

    private static TableColumn Right(string header) => new TableColumn(header).RightAligned();

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
