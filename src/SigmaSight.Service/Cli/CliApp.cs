using System.CommandLine;
using Microsoft.Extensions.Options;
using SigmaSight.Service.Hosting.Validation;

namespace SigmaSight.Service.Cli;

/// <summary>The command line of the service binary.</summary>
public static class CliApp
{
    /// <summary>The command users type (the wrapper script), shown in every usage line instead of the assembly name.</summary>
    public const string HelpName = "deploy/sigmasight";

    public static async Task<int> RunAsync(string[] args)
    {
        var verbose = new Option<bool>("--verbose") { Description = "On an error, print the exception with its stack trace", Recursive = true };
        var root = new RootCommand("SigmaSight Batch: the nightly portfolio analytics batch on Hangfire and PostgreSQL")
        {
            verbose,
            Terminal.CliOutput.PlainOption,
            AdminCommands.Migrate(args),
            AdminCommands.SeedDemo(args),
            ImportPortfoliosCommand.Create(args),
            PortfoliosCommand.Create(args),
            AdminCommands.Status(args),
            RunsCommand.Create(args),
            RunCommands.Run(args),
            RunCommands.Backfill(args),
            RunCommands.Recompute(args),
            RiskCommand.Create(args),
            DiffCommand.Create(args),
            VerifyCommand.Create(args),
            ImportPricesCommand.Create(args),
            CalendarCommands.AddClosure(),
            CalendarCommands.RemoveClosure(),
            CalendarCommands.Closures(),
            CalendarCommands.BusinessDateOf(),
            ServeCommand.Create(),
            BenchCommand.Create(args),
            PruneCommand.Create(args),
        };
        root.HelpName = HelpName;
        var parsed = root.Parse(args);
        var trace = parsed.GetValue(verbose);
        try
        {
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors) await Console.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (Exception e) when (Refusal(e) is { } reasons)
        {
            foreach (var reason in reasons) await Console.Error.WriteLineAsync($"error: {reason}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (Exception e) when (DatabaseFailure.Describe(e, DatabaseFailure.ConfiguredConnectionString()) is { } line)
        {
            await Console.Error.WriteLineAsync($"error: {line}").ConfigureAwait(false);
            if (trace) await Console.Error.WriteLineAsync(e.ToString()).ConfigureAwait(false);
            return ExitCodes.DatabaseUnavailable;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or Npgsql.NpgsqlException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            if (trace) await Console.Error.WriteLineAsync(e.ToString()).ConfigureAwait(false);
            return e is TimeoutException ? ExitCodes.TimedOut : ExitCodes.Error;
        }
    }

    /// <summary>
    /// The lines to print when <paramref name="e"/> is bad input (a usage error, a refused run, a setting the service
    /// cannot start with); null for anything else.
    /// </summary>
    internal static IReadOnlyList<string>? Refusal(Exception e) => e switch
    {
        UsageException or Batches.RunRefusedException => [e.Message],
        ConfigurationException => [$"configuration: {e.Message}"],
        OptionsValidationException invalid => [.. invalid.Failures.Select(f => $"configuration: {f}")],
        AggregateException all when all.InnerExceptions.All(i => Refusal(i) is not null) =>
            [.. all.InnerExceptions.SelectMany(i => Refusal(i)!)],
        InvalidOperationException when ConversionMessage.Plain(e.Message) is { } plain => [$"configuration: {plain}"],
        InvalidOperationException when e.Message.StartsWith("Cannot parse argument", StringComparison.Ordinal) => [e.Message],
        _ => null,
    };
}
