using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.Cli.Terminal;
using SigmaSight.Service.Hosting.Security;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Cli;

/// <summary>The verbs that start work (<c>run</c>, <c>backfill</c>, <c>recompute</c>) and wait for its final status.</summary>
public static class RunCommands
{
    private static readonly Option<bool> Force = new("--force") { Description = "Supersede an existing run with a new one" };
    private static readonly Option<int> TimeoutMinutes = CliOptions.Bounded("--timeout-minutes", "Give up waiting after this long", 60, 1, 10_080);

    public static Command Run(string[] args)
    {
        var date = CliOptions.Date("--date", "Business date (default: the last NYSE trading day whose 16:30 New York cutoff has passed)");
        var command = new Command("run", "Run the nightly batch for one business date through Hangfire and wait for it") { date, Force, TimeoutMinutes };
        command.SetAction((result, ct) => StartAndWaitAsync(args, result, async (services, calendar, now) =>
        {
            var day = result.GetValue(date) ?? BusinessDate.Resolve(now, calendar);
            RunInputs.RequireTradingDay(calendar, day, "--date");
            RunInputs.RequireCompleted(calendar, day, now, "--date");
            return new RunRequest(RunKind.Nightly, day, day, RunScope.All, "cli", now, result.GetValue(Force));
        }, ct));
        return command;
    }

    public static Command Backfill(string[] args)
    {
        var from = CliOptions.Date("--from", "First date (default: the earliest inception)");
        var to = CliOptions.Date("--to", "Last date (default: the last completed trading day)");
        var analytics = new Option<string>("--analytics")
        {
            Description = "Risk analytics for the range's last day (last, the default) or for every trading day (all)",
            DefaultValueFactory = _ => "last",
        };
        analytics.AcceptOnlyFromAmong("last", "all");
        var command = new Command("backfill", "Process every trading day of a range, in order per portfolio") { from, to, analytics, Force, TimeoutMinutes };
        command.SetAction((result, ct) => StartAndWaitAsync(args, result, async (services, calendar, now) =>
        {
            var db = services.GetRequiredService<SigmaSightDbContext>();
            // The default first day is the earliest inception's first trading day (a flow may be dated on a weekend).
            var inception = result.GetValue(from) is null
                ? await db.Portfolios.Where(p => p.IsActive).MinAsync(p => (DateOnly?)p.InceptionDate, ct).ConfigureAwait(false)
                    ?? throw new UsageException("backfill: no active portfolio; run seed-demo first or pass --from")
                : default;
            var first = result.GetValue(from) ?? calendar.OnOrAfter(inception);
            var last = result.GetValue(to) ?? BusinessDate.Resolve(now, calendar);
            RunInputs.RequireRange(calendar, first, last, now);
            RunInputs.RequireSpan(calendar, first, last, MaxRange(services), "--from..--to");
            return new RunRequest(RunKind.Backfill, first, last, RunScope.All, "cli", now, result.GetValue(Force),
                AnalyticsAllDates: result.GetValue(analytics) == "all");
        }, ct));
        return command;
    }

    public static Command Recompute(string[] args)
    {
        var portfolio = new Option<string>("--portfolio") { Description = "Portfolio id or name (any case)", Required = true };
        var from = CliOptions.Date("--from", "Delete and rebuild the snapshots from this date on", required: true);
        var command = new Command("recompute", "Rebuild one portfolio's snapshots from a date on, in order") { portfolio, from, TimeoutMinutes };
        command.SetAction((result, ct) => StartAndWaitAsync(args, result, async (services, calendar, now) =>
        {
            var db = services.GetRequiredService<SigmaSightDbContext>();
            var id = await RunInputs.FindPortfolioAsync(db, result.GetValue(portfolio)!, ct).ConfigureAwait(false);
            var start = calendar.OnOrAfter(result.GetValue(from)!.Value);
            var last = BusinessDate.Resolve(now, calendar);
            if (start > last)
                throw new UsageException($"--from {result.GetValue(from):yyyy-MM-dd} is after the last completed trading day {last:yyyy-MM-dd}");
            RunInputs.RequireSpan(calendar, start, last, MaxRange(services), "--from");
            return new RunRequest(RunKind.Recompute, start, last, RunScope.ForPortfolio(id), "cli", now, Force: true);
        }, ct));
        return command;
    }

    private static int MaxRange(IServiceProvider services) =>
        services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Hosting.BatchOptions>>().Value.MaxRangeTradingDays;

    private static async Task<int> StartAndWaitAsync(string[] args, ParseResult result,
        Func<IServiceProvider, Analytics.Calendar.NyseCalendar, DateTimeOffset, Task<RunRequest>> request, CancellationToken ct)
    {
        using var host = CliHost.Build(withServers: true);
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        // Settings (CliHost.Build) and inputs are checked before any server starts, so bad input changes nothing.
        var calendar = await services.GetRequiredService<TradingCalendarProvider>().GetAsync(ct).ConfigureAwait(false);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var runRequest = await request(services, calendar, now).ConfigureAwait(false);
        var links = DashboardLinks.From(services.GetRequiredService<IConfiguration>());
        await host.StartAsync(ct).ConfigureAwait(false);
        try
        {
            var handle = await services.GetRequiredService<RunStarter>().StartAsync(runRequest, ct).ConfigureAwait(false);
            var output = CliOutput.For(result);
            await Console.Out.WriteLineAsync(
                $"{runRequest.Kind} {runRequest.From:yyyy-MM-dd}..{runRequest.To:yyyy-MM-dd}: run {handle.RunId} {(handle.Joined ? "joined (already exists)" : "started")}").ConfigureAwait(false);
            var waiter = services.GetRequiredService<RunWaiter>();
            var timeout = TimeSpan.FromMinutes(result.GetValue(TimeoutMinutes));
            var run = output.Rich
                ? await LiveRunProgress.ShowAsync(output.Console, view => waiter.WaitAsync(handle.RunId, timeout, view, ct)).ConfigureAwait(false)
                : await waiter.WaitAsync(handle.RunId, timeout, Console.Out, ct,
                    Console.IsOutputRedirected ? RunWaiter.QuietInterval : TimeSpan.Zero).ConfigureAwait(false);
            var view = await RunStatusView.ReadAsync(services.GetRequiredService<SigmaSightDbContext>(), run.Id, links, ct).ConfigureAwait(false);
            await AdminCommands.ShowAsync(view, json: false, output).ConfigureAwait(false);
            return ExitCodes.Of(run.Status);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
