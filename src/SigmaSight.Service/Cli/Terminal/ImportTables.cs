using System.Globalization;
using SigmaSight.Service.MarketData.Import;
using SigmaSight.Service.Portfolios.Import;
using Spectre.Console;

namespace SigmaSight.Service.Cli.Terminal;

/// <summary>The summary tables of <c>import-prices</c> and <c>import-portfolios</c> on a terminal.</summary>
public static class ImportTables
{
    /// <summary>Rows read, inserted, updated, unchanged, rejected and closes changed; time, rate and peak RSS below.</summary>
    public static Table Prices(string path, PriceImportResult outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var table = new Table().RoundedBorder().Title(Markup.Escape($"import-prices: {(path == "-" ? "standard input" : Path.GetFileName(path))}"))
            .AddColumn("rows").AddColumn(new TableColumn("count").RightAligned());
        table.AddRow("read", Text($"{outcome.RowsRead:N0}"));
        table.AddRow("inserted", Text($"{outcome.Inserted:N0}"));
        table.AddRow("updated", Text($"{outcome.Updated:N0}"));
        table.AddRow("unchanged", Text($"{outcome.Unchanged:N0}"));
        table.AddRow("rejected", outcome.Rejected > 0 ? Text($"[red]{outcome.Rejected:N0}[/]") : "0");
        table.AddRow("closes changed", Text($"{outcome.ClosesChanged:N0}"));
        table.Caption(Text($"{outcome.Elapsed.TotalSeconds:F2} s, {outcome.RowsPerSecond:N0} rows/s") +
            (ProcessMemory.PeakResidentBytes() is { } bytes ? Text($", peak RSS {bytes / 1048576.0:F0} MB") : ""));
        return table;
    }

    /// <summary>One row per portfolio: status, inception, lots and flows added/changed/(closed)/unchanged, recompute scheduled.</summary>
    public static Table Portfolios(ImportSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var table = new Table().RoundedBorder().Title("import-portfolios")
            .AddColumn(new TableColumn("portfolio") { NoWrap = true }).AddColumn("status").AddColumn(new TableColumn("inception") { NoWrap = true })
            .AddColumn(Right("lots +/~/closed/=")).AddColumn(Right("flows +/~/=")).AddColumn(new TableColumn("recompute from") { NoWrap = true });
        foreach (var p in summary.Portfolios)
            table.AddRow(Markup.Escape(p.Portfolio), Markup.Escape(p.Status), Text($"{p.Inception:yyyy-MM-dd}"),
                Text($"{p.LotsAdded}/{p.LotsChanged}/{p.LotsClosed}/{p.LotsUnchanged}"), Text($"{p.FlowsAdded}/{p.FlowsChanged}/{p.FlowsUnchanged}"),
                p.RecomputeFrom is { } from ? Text($"[yellow]{from:yyyy-MM-dd}[/]") : "-");
        return table;
    }

    private static TableColumn Right(string header) => new TableColumn(header).RightAligned();

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
