using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Batches;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Cli;

/// <summary>
/// Calendar verbs: <c>add-closure</c> (an exchange-announced closure, honoured at once), <c>remove-closure</c> (its undo)
/// and <c>business-date</c>.
/// </summary>
public static class CalendarCommands
{
    public static Command AddClosure()
    {
        var date = CliOptions.Date("--date", "The closed date", required: true);
        var reason = new Option<string>("--reason") { Description = "Why the exchange is closed", Required = true };
        var command = new Command("add-closure", "Add an exchange closure beyond the NYSE rules (market_closures)") { date, reason };
        command.SetAction((result, ct) => WithDbAsync(async (services, _) =>
        {
            var outcome = await services.GetRequiredService<ClosureRegistry>()
                .AddAsync(result.GetValue(date), result.GetValue(reason), ct).ConfigureAwait(false);
            if (outcome.Status != ClosureStatus.Added) throw new UsageException($"add-closure: {outcome.Message}");
            await Console.Out.WriteLineAsync($"add-closure: {outcome.Message}").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    public static Command RemoveClosure()
    {
        var date = new Argument<DateOnly?>("date")
        {
            Description = "The closed date to open again (yyyy-MM-dd)",
            CustomParser = r => CliOptions.TryParseDate(r.Tokens[0].Value, out var day) ? day
                : Refuse(r, $"date '{r.Tokens[0].Value}' is not a date: give {CliOptions.DateFormat} (e.g. 2026-12-24)"),
        };
        var command = new Command("remove-closure", "Remove an exchange closure added with add-closure (the date trades again)") { date };
        command.SetAction((result, ct) => WithDbAsync(async (services, _) =>
        {
            var outcome = await services.GetRequiredService<ClosureRegistry>().RemoveAsync(result.GetValue(date)!.Value, ct).ConfigureAwait(false);
            if (outcome.Status != ClosureStatus.Removed) throw new UsageException($"remove-closure: {outcome.Message}");
            await Console.Out.WriteLineAsync($"remove-closure: {outcome.Message}").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static DateOnly? Refuse(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return null;
    }

    public static Command BusinessDateOf()
    {
        var at = CliOptions.Instants("--at", "Trigger instants (ISO 8601 with offset)");
        var command = new Command("business-date", "Print the business date of each trigger instant (the last trading day past the 16:30 New York cutoff)") { at };
        command.SetAction((result, ct) => WithDbAsync(async (services, _) =>
        {
            var calendar = await services.GetRequiredService<TradingCalendarProvider>().GetAsync(ct).ConfigureAwait(false);
            foreach (var instant in result.GetValue(at) ?? [])
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{instant:O} {BusinessDate.Resolve(instant, calendar):yyyy-MM-dd}")).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static async Task<int> WithDbAsync(Func<IServiceProvider, SigmaSightDbContext, Task<int>> action)
    {
        using var host = CliHost.Build(withServers: false);
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<SigmaSightDbContext>()).ConfigureAwait(false);
    }
}
