using Microsoft.EntityFrameworkCore;
using Npgsql;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Api;

/// <summary>
/// POST/GET /api/closures: operator-added exchange closures (<c>market_closures</c>). The calendar reads the table on
/// every call, so a closure counts from the next request on.
/// </summary>
public static class ClosureEndpoints
{
    public const int MaxReasonLength = 200;

    public static RouteGroupBuilder MapClosureCommands(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/closures", AddAsync).WithName("AddClosure")
            .Produces<ClosureView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Add an exchange closure on a weekday the NYSE rules consider open (201; 409 when it exists)");
        return api;
    }

    public static RouteGroupBuilder MapClosureQueries(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/closures", ListAsync).WithName("ListClosures").WithSummary("Operator-added closures, in date order")
            .Produces<List<ClosureView>>();
        api.MapGet("/closures/{date}", GetAsync).WithName("GetClosure").WithSummary("One operator-added closure")
            .Produces<ClosureView>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    internal static async Task<IResult> AddAsync(ClosureBody body, SigmaSightDbContext db, TradingCalendarProvider calendars, CancellationToken ct)
    {
        if (body.Date is not { } date) return ApiProblems.Invalid("date", "date is required (yyyy-MM-dd)");
        var reason = body.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return ApiProblems.Invalid("reason", "reason is required: say why the exchange is closed");
        if (reason.Length > MaxReasonLength) return ApiProblems.Invalid("reason", $"reason is longer than {MaxReasonLength} characters");
        var calendar = await calendars.GetAsync(ct).ConfigureAwait(false);
        if (calendar.ExtraClosures.Contains(date)) return Exists(date);
        if (!calendar.IsTradingDay(date))
            return ApiProblems.Invalid("date", $"date {date:yyyy-MM-dd} is already closed ({calendar.ClosureReason(date)})");
        db.MarketClosures.Add(new MarketClosure { Date = date, Reason = reason });
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Exists(date);
        }
        return TypedResults.Created($"/api/closures/{date:yyyy-MM-dd}", new ClosureView(date, reason));
    }

    internal static async Task<IResult> ListAsync(SigmaSightDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.MarketClosures.AsNoTracking().OrderBy(c => c.Date).Select(c => new ClosureView(c.Date, c.Reason))
            .ToListAsync(ct).ConfigureAwait(false));

    internal static async Task<IResult> GetAsync(DateOnly date, SigmaSightDbContext db, CancellationToken ct)
    {
        var closure = await db.MarketClosures.AsNoTracking().Where(c => c.Date == date).Select(c => new ClosureView(c.Date, c.Reason))
            .SingleOrDefaultAsync(ct).ConfigureAwait(false);
        return closure is null ? ApiProblems.NotFound($"no operator closure on {date:yyyy-MM-dd}") : TypedResults.Ok(closure);
    }

    private static IResult Exists(DateOnly date) =>
        ApiProblems.Conflict($"date {date:yyyy-MM-dd} is already in market_closures");
}
