using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.Cli;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Api;

/// <summary>POST /api/runs, /api/backfills and /api/recomputes: start (or join) a run and answer 202 at once.</summary>
public static class RunCommandEndpoints
{
    private const string RequestedBy = "api";

    public static RouteGroupBuilder MapRunCommands(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/runs", StartNightlyAsync).WithName("StartNightlyRun").Produces<RunAccepted>(StatusCodes.Status202Accepted)
            .WithSummary("Start or join the nightly run for a business date (default: the last completed NYSE trading day)");
        api.MapPost("/backfills", StartBackfillAsync).WithName("StartBackfill").Produces<RunAccepted>(StatusCodes.Status202Accepted)
            .WithSummary("Start or join a backfill of every trading day of [from, to] for every active portfolio");
        api.MapPost("/recomputes", StartRecomputeAsync).WithName("StartRecompute").Produces<RunAccepted>(StatusCodes.Status202Accepted)
            .WithSummary("Delete one portfolio's snapshots from a date on and rebuild them in order (always a new run)");
        return api;
    }

    internal static async Task<IResult> StartNightlyAsync(StartRunBody? body, RunContext context, CancellationToken ct)
    {
        var (calendar, now) = await context.CalendarAndNowAsync(ct).ConfigureAwait(false);
        var day = body?.Date ?? BusinessDate.Resolve(now, calendar);
        var invalid = ApiProblems.Check("date", () =>
        {
            RunInputs.RequireTradingDay(calendar, day, "date");
            RunInputs.RequireCompleted(calendar, day, now, "date");
        });
        return invalid ?? await context.StartAsync(
            new RunRequest(RunKind.Nightly, day, day, RunScope.All, RequestedBy, now, body?.Force ?? false), ct).ConfigureAwait(false);
    }

    internal static async Task<IResult> StartBackfillAsync(BackfillBody body, RunContext context, CancellationToken ct)
    {
        if (body.From is not { } from) return ApiProblems.Invalid("from", "from is required (yyyy-MM-dd)");
        if (body.To is not { } to) return ApiProblems.Invalid("to", "to is required (yyyy-MM-dd)");
        if (body.Analytics is not (null or "last" or "all"))
            return ApiProblems.Invalid("analytics", $"analytics '{body.Analytics}' is not one of: last, all");
        var (calendar, now) = await context.CalendarAndNowAsync(ct).ConfigureAwait(false);
        var invalid = ApiProblems.Check("from", () =>
        {
            RunInputs.RequireRange(calendar, from, to, now, "from", "to");
            RunInputs.RequireSpan(calendar, from, to, context.MaxRangeTradingDays, "from..to");
        });
        return invalid ?? await context.StartAsync(
            new RunRequest(RunKind.Backfill, from, to, RunScope.All, RequestedBy, now, body.Force ?? false,
                AnalyticsAllDates: body.Analytics == "all"), ct).ConfigureAwait(false);
    }

    internal static async Task<IResult> StartRecomputeAsync(RecomputeBody body, RunContext context, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Portfolio)) return ApiProblems.Invalid("portfolio", "portfolio is required (its id or name)");
        if (body.From is not { } from) return ApiProblems.Invalid("from", "from is required (yyyy-MM-dd)");
        if (ApiProblems.Check("from", () => RunInputs.RequireSupported(from, "from")) is { } outside) return outside;
        Guid portfolio;
        try
        {
            portfolio = await RunInputs.FindPortfolioAsync(context.Db, body.Portfolio, ct).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            return ApiProblems.Invalid("portfolio", e.Message);
        }
        var (calendar, now) = await context.CalendarAndNowAsync(ct).ConfigureAwait(false);
        var start = calendar.OnOrAfter(from);
        var last = BusinessDate.Resolve(now, calendar);
        if (start > last)
            return ApiProblems.Invalid("from", $"from {from:yyyy-MM-dd} is after the last completed trading day {last:yyyy-MM-dd}");
        if (ApiProblems.Check("from", () => RunInputs.RequireSpan(calendar, start, last, context.MaxRangeTradingDays, "from")) is { } tooLong)
            return tooLong;
        return await context.StartAsync(
            new RunRequest(RunKind.Recompute, start, last, RunScope.ForPortfolio(portfolio), RequestedBy, now, Force: true), ct).ConfigureAwait(false);
    }

    /// <summary>The services a run request needs, bound as one handler parameter.</summary>
    public sealed class RunContext(SigmaSightDbContext db, TradingCalendarProvider calendars, TimeProvider time, RunStarter starter,
        Microsoft.Extensions.Options.IOptions<Hosting.BatchOptions> batch)
    {
        public SigmaSightDbContext Db => db;

        public int MaxRangeTradingDays => batch.Value.MaxRangeTradingDays;

        public async Task<(NyseCalendar Calendar, DateTimeOffset Now)> CalendarAndNowAsync(CancellationToken ct) =>
            (await calendars.GetAsync(ct).ConfigureAwait(false), time.GetUtcNow());

        public async Task<IResult> StartAsync(RunRequest request, CancellationToken ct)
        {
            var handle = await starter.StartAsync(request, ct).ConfigureAwait(false);
            var location = $"/api/runs/{handle.RunId}";
            return TypedResults.Accepted(location, new RunAccepted(handle.RunId, handle.Joined, handle.Status, location));
        }
    }
}
