using System.CommandLine;
using SigmaSight.Service.Api;
using SigmaSight.Service.Cli.Terminal;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Cli;

/// <summary><c>runs [--limit N] [--json]</c>: the most recent runs, newest first, with their ids and times.</summary>
public static class RunsCommand
{
    public static Command Create(string[] args)
    {
        var limit = CliOptions.Bounded("--limit", "How many runs to list", StatusPrinter.RecentCount, 1, QueryEndpoints.MaxLimit);
        var json = new Option<bool>("--json") { Description = "Print JSON (the shape of GET /api/runs) instead of a table" };
        var command = new Command("runs", "List the most recent runs, newest first, with their ids, status and times (UTC)") { limit, json };
        command.SetAction((result, ct) => AdminCommands.WithServicesAsync(args, async services =>
        {
            var db = services.GetRequiredService<SigmaSightDbContext>();
            var runs = await StatusPrinter.RecentAsync(db, result.GetValue(limit), ct).ConfigureAwait(false);
            var output = CliOutput.For(result);
            if (result.GetValue(json)) await CliJson.WriteAsync(runs.Select(RunView.Of).ToList()).ConfigureAwait(false);
            else if (output.Rich && runs.Count > 0) output.Console.Write(RunsTable.Of(runs));
            else await StatusPrinter.PrintRecentAsync(db, result.GetValue(limit), Console.Out, ct).ConfigureAwait(false);
            return ExitCodes.Completed;
        }));
        return command;
    }
}
