using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Portfolios;

namespace SigmaSight.Service.Cli;

/// <summary><c>portfolios [--json]</c>: every portfolio with its id, owner, inception and latest snapshot.</summary>
public static class PortfoliosCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(string[] args)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON (the shape of GET /api/portfolios) instead of a table" };
        var command = new Command("portfolios", "List the portfolios: id, name, owner, inception, latest snapshot date and NAV") { json };
        command.SetAction((result, ct) => AdminCommands.WithServicesAsync(args, async services =>
        {
            var portfolios = await PortfolioList.ReadAsync(services.GetRequiredService<SigmaSightDbContext>(), ct).ConfigureAwait(false);
            var output = Terminal.CliOutput.For(result);
            if (result.GetValue(json)) await Console.Out.WriteLineAsync(JsonSerializer.Serialize(portfolios, Json)).ConfigureAwait(false);
            else if (output.Rich && portfolios.Count > 0) output.Console.Write(Terminal.PortfoliosTable.Of(portfolios));
            else await PrintAsync(portfolios, Console.Out).ConfigureAwait(false);
            return ExitCodes.Completed;
        }));
        return command;
    }

    public static async Task PrintAsync(IReadOnlyList<PortfolioListing> portfolios, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(portfolios);
        ArgumentNullException.ThrowIfNull(output);
        if (portfolios.Count == 0)
        {
            await output.WriteLineAsync("no portfolios yet: run seed-demo or import-portfolios").ConfigureAwait(false);
            return;
        }
        var width = Math.Max(4, portfolios.Max(p => p.Name.Length));
        var ownerWidth = Math.Max(5, portfolios.Max(p => p.Owner.Length));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{"id",-36}  {"name".PadRight(width)}  {"owner".PadRight(ownerWidth)}  {"inception",-10}  {"latest",-10}  {"NAV",18}")).ConfigureAwait(false);
        foreach (var p in portfolios)
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{p.Id,-36}  {p.Name.PadRight(width)}  {p.Owner.PadRight(ownerWidth)}  {p.InceptionDate:yyyy-MM-dd}  " +
                $"{(p.LatestSnapshotDate is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-"),-10}  " +
                $"{(p.LatestNav is { } nav ? nav.ToString("N2", CultureInfo.InvariantCulture) + " " + p.Currency : "-"),18}" +
                $"{(p.IsActive ? "" : "  (inactive)")}")).ConfigureAwait(false);
    }
}
