using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Batches;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Cli;

/// <summary>
/// Calendar verbs: <c>add-closure</c> (an exchange-announced closure, honoured at once), <c>remove-closure</c> (its undo),
/// <c>closures</c> (the list) and <c>business-date</c>.
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
        var json = new Option<bool>("--json") { Description = "Print JSON: [{\"at\": instant, \"businessDate\": date}, ...]" };
        var command = new Command("business-date", "Print the business date of each trigger instant (the last trading day past the 16:30 New York cutoff)")
            { at, json };
        command.SetAction((result, ct) => WithDbAsync(async (services, _) =>
        {
            var calendar = await services.GetRequiredService<TradingCalendarProvider>().GetAsync(ct).ConfigureAwait(false);
            var dates = (result.GetValue(at) ?? []).Select(i => new BusinessDateView(i, BusinessDate.Resolve(i, calendar))).ToList();
            if (result.GetValue(json)) await CliJson.WriteAsync(dates).ConfigureAwait(false);
            else foreach (var d in dates)
                    await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{d.At:O} {d.BusinessDate:yyyy-MM-dd}")).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    /// <summary><c>closures [--json]</c>: the operator-added closures in date order (the shape of GET /api/closures).</summary>
    public static Command Closures()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON (the shape of GET /api/closures) instead of lines" };
        var command = new Command("closures", "List the exchange closures added with add-closure (market_closures), in date order") { json };
        command.SetAction((result, ct) => WithDbAsync(async (_, db) =>
        {
            var closures = await db.MarketClosures.AsNoTracking().OrderBy(c => c.Date).Select(c => new Api.ClosureView(c.Date, c.Reason))
                .ToListAsync(ct).ConfigureAwait(false);
            if (result.GetValue(json)) await CliJson.WriteAsync(closures).ConfigureAwait(false);
            else if (closures.Count == 0) await Console.Out.WriteLineAsync("no closures added (the NYSE rules apply): add one with add-closure").ConfigureAwait(false);
            else foreach (var c in closures)
                    await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{c.Date:yyyy-MM-dd}  {c.Reason}")).ConfigureAwait(false);
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

/// <summary>One line of <c>business-date --json</c>: a trigger instant and its business date.</summary>
public sealed record BusinessDateView(DateTimeOffset At, DateOnly BusinessDate);
