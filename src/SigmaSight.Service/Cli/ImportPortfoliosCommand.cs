using System.CommandLine;
using SigmaSight.Service.Portfolios.Import;
using Spectre.Console;

namespace SigmaSight.Service.Cli;

/// <summary>
/// <c>import-portfolios --lots FILE [--flows FILE]</c>: creates or updates portfolios from CSV (all or nothing); prints
/// what changed and the recomputes scheduled, or the first bad lines and their count (exit 64).
/// </summary>
public static class ImportPortfoliosCommand
{
    public static Command Create(string[] args)
    {
        var lots = new Option<FileInfo>("--lots")
        {
            Description = "Lots CSV: portfolio,owner,symbol,position_type,investment_class,quantity,entry_price,entry_date" +
                "[,exit_price,exit_date,underlying_symbol,strike_price,expiration_date]",
            Required = true,
        };
        var flows = new Option<FileInfo?>("--flows") { Description = "Capital flows CSV: portfolio,date,type,amount (CONTRIBUTION or WITHDRAWAL)" };
        var command = new Command("import-portfolios", "Create or update portfolios, their lots and capital flows from CSV files") { lots, flows };
        command.SetAction((result, ct) => AdminCommands.WithServicesAsync(args, async services =>
        {
            var (lotsFile, flowsFile) = (result.GetValue(lots)!, result.GetValue(flows));
            using var lotsReader = Open(lotsFile, "--lots");
            using var flowsReader = flowsFile is null ? null : Open(flowsFile, "--flows");
            try
            {
                var output = Terminal.CliOutput.For(result);
                Task<ImportSummary> Import() => services.GetRequiredService<PortfolioImporter>().ImportAsync(
                    new ImportSource(lotsFile.ToString(), lotsReader),
                    flowsReader is null ? null : new ImportSource(flowsFile!.ToString(), flowsReader), ct);
                if (!output.Rich)
                {
                    foreach (var line in (await Import().ConfigureAwait(false)).Lines()) await Console.Out.WriteLineAsync(line).ConfigureAwait(false);
                    return ExitCodes.Completed;
                }
                var summary = await output.Console.Status().StartAsync($"importing {Markup.Escape(lotsFile.Name)}", _ => Import()).ConfigureAwait(false);
                var lines = summary.Lines().ToList();
                await Console.Out.WriteLineAsync(lines[0]).ConfigureAwait(false);
                output.Console.Write(Terminal.ImportTables.Portfolios(summary));
                await Console.Out.WriteLineAsync(lines[^1]).ConfigureAwait(false);
                return ExitCodes.Completed;
            }
            catch (PortfolioImportException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
        }));
        return command;
    }

    private static StreamReader Open(FileInfo file, string option) =>
        file.Exists ? new StreamReader(file.FullName, detectEncodingFromByteOrderMarks: true)
            : throw new UsageException($"{option}: file {file} does not exist");
}
