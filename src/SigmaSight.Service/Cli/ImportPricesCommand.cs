using System.CommandLine;
using System.Globalization;
using SigmaSight.Service.MarketData.Import;

namespace SigmaSight.Service.Cli;

/// <summary>
/// <c>import-prices &lt;file|-&gt; [--source NAME] [--skip-bad-rows]</c>: imports a long price CSV (or .csv.gz, or stdin)
/// with <see cref="PriceImporter"/>. A refused file prints its bad lines (the first 20 and the count) and exits 64.
/// </summary>
public static class ImportPricesCommand
{
    public const string DefaultSource = "import";
    private const int Shown = 20;

    public static Command Create(string[] args)
    {
        var file = new Argument<string>("file") { Description = "The CSV (.csv or .csv.gz) to import, or - for standard input" };
        var source = new Option<string>("--source") { Description = "Stored in prices.source", DefaultValueFactory = _ => DefaultSource };
        var skip = new Option<bool>("--skip-bad-rows") { Description = "Write the good rows and list the bad ones instead of refusing the file" };
        var command = new Command("import-prices",
            "Import daily prices from a CSV with the header date,symbol,close[,open,high,low,volume] (any order, ISO dates)")
        {
            file, source, skip,
        };
        command.SetAction((result, ct) => AdminCommands.WithServicesAsync(args, async services =>
        {
            var path = result.GetValue(file)!;
            var name = result.GetValue(source);
            if (PriceImporter.CheckSource(name) is { } bad) throw new UsageException($"import-prices: --source: {bad}");
            if (path != "-" && !File.Exists(path)) throw new UsageException($"import-prices: file {path} does not exist");
            await using var content = path == "-"
                ? Console.OpenStandardInput()
                : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
            var importer = services.GetRequiredService<PriceImporter>();
            var request = new PriceImportRequest(content, path, name!, result.GetValue(skip));
            var output = Terminal.CliOutput.For(result);
            var outcome = output.Rich
                ? await Terminal.ImportProgress.ShowAsync(output.Console, path == "-" ? "standard input" : Path.GetFileName(path), path == "-" ? null : content,
                    rows => importer.ImportAsync(request with { RowsRead = rows }, ct)).ConfigureAwait(false)
                : await importer.ImportAsync(request, ct).ConfigureAwait(false);
            if (output.Rich && outcome.Written) output.Console.Write(Terminal.ImportTables.Prices(path, outcome));
            await PrintAsync(path, outcome, Console.Out, summary: !(output.Rich && outcome.Written)).ConfigureAwait(false);
            return outcome.Written ? ExitCodes.Completed : ExitCodes.Usage;
        }));
        return command;
    }

    /// <summary>The outcome as plain lines: the summary line (unless <paramref name="summary"/> is false: a table showed it), the steps, the changed closes, the rebuilds and the bad lines.</summary>
    public static async Task PrintAsync(string path, PriceImportResult outcome, TextWriter output, bool summary = true)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(output);
        var name = path == "-" ? "standard input" : path;
        if (!outcome.Written)
        {
            await Console.Error.WriteLineAsync(Text($"error: import-prices: {name} refused, nothing written: {outcome.Rejected:N0} bad line(s) of {outcome.RowsRead:N0}")).ConfigureAwait(false);
            await PrintErrorsAsync(outcome, Console.Error).ConfigureAwait(false);
            return;
        }
        var peak = ProcessMemory.PeakResidentBytes() is { } bytes ? Text($", peak RSS {bytes / 1048576.0:F0} MB") : "";
        if (summary)
            await output.WriteLineAsync(Text($"import-prices: {name}: {outcome.RowsRead:N0} rows read, {outcome.Inserted:N0} inserted, ") +
                Text($"{outcome.Updated:N0} updated, {outcome.Unchanged:N0} unchanged, {outcome.Rejected:N0} rejected in ") +
                Text($"{outcome.Elapsed.TotalSeconds:F2} s ({outcome.RowsPerSecond:N0} rows/s){peak}")).ConfigureAwait(false);
        if (outcome.Steps.Count > 0)
            await output.WriteLineAsync("  steps: " + string.Join(", ", outcome.Steps.Select(s => Text($"{s.Key} {s.Value.TotalSeconds:F2} s"))))
                .ConfigureAwait(false);
        if (outcome.ClosesChanged > 0)
        {
            await output.WriteLineAsync(Text($"closes changed: {outcome.ClosesChanged:N0} (symbol, date, old -> new; first {outcome.Changes.Count}):")).ConfigureAwait(false);
            foreach (var c in outcome.Changes)
                await output.WriteLineAsync(Text($"  {c.Symbol} {c.Date:yyyy-MM-dd} {c.OldClose:0.######} -> {c.NewClose:0.######}")).ConfigureAwait(false);
        }
        foreach (var r in outcome.Rebuilds)
            await output.WriteLineAsync(Text($"rebuilt by the next run: {r.Portfolio} from {r.From:yyyy-MM-dd} (snapshots used a corrected close)")).ConfigureAwait(false);
        if (outcome.Rejected > 0)
        {
            await output.WriteLineAsync(Text($"skipped {outcome.Rejected:N0} bad line(s):")).ConfigureAwait(false);
            await PrintErrorsAsync(outcome, output).ConfigureAwait(false);
        }
    }

    private static async Task PrintErrorsAsync(PriceImportResult outcome, TextWriter output)
    {
        foreach (var error in outcome.Errors.Take(Shown)) await output.WriteLineAsync($"  {error}").ConfigureAwait(false);
        if (outcome.Rejected > Shown)
            await output.WriteLineAsync(Text($"  ... and {outcome.Rejected - Shown:N0} more (first {Shown} of {outcome.Rejected:N0} shown)")).ConfigureAwait(false);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
