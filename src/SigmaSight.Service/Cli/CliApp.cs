using System.CommandLine;

namespace SigmaSight.Service.Cli;

/// <summary>The command line of the service binary.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("SigmaSight Batch: the nightly portfolio analytics batch on Hangfire and PostgreSQL")
        {
            AdminCommands.Migrate(args),
            AdminCommands.SeedDemo(args),
            ImportPortfoliosCommand.Create(args),
            AdminCommands.Status(args),
            RunCommands.Run(args),
            RunCommands.Backfill(args),
            RunCommands.Recompute(args),
            RiskCommand.Create(args),
            CalendarCommands.AddClosure(),
            CalendarCommands.BusinessDateOf(),
            ServeCommand.Create(),
        };
        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors) await Console.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (Exception e) when (e is UsageException or Batches.RunRefusedException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or Npgsql.NpgsqlException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return e is TimeoutException ? ExitCodes.TimedOut : ExitCodes.Error;
        }
    }
}
