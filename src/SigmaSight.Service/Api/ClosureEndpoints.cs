using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Api;

/// <summary>
/// POST/GET/DELETE /api/closures: operator-added exchange closures (<c>market_closures</c>). The calendar reads the table on
/// every call, so a closure counts from the next request on.
/// </summary>
public static class ClosureEndpoints
{
    public static RouteGroupBuilder MapClosureCommands(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/closures", AddAsync).WithName("AddClosure")
            .Produces<ClosureView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Add an exchange closure on a weekday the NYSE rules consider open (201; 409 when it exists)");
        api.MapDelete("/closures/{date}", RemoveAsync).WithName("RemoveClosure")
            .Produces<ClosureView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Remove an operator-added closure: the date trades again (200 with the removed closure; 404 when not listed)");
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

    internal static async Task<IResult> AddAsync(ClosureBody body, ClosureRegistry closures, CancellationToken ct)
    {
        var outcome = await closures.AddAsync(body.Date, body.Reason, ct).ConfigureAwait(false);
        return outcome.Status switch
        {
            ClosureStatus.Added => TypedResults.Created($"/api/closures/{outcome.Date:yyyy-MM-dd}",
                new ClosureView(outcome.Date!.Value, outcome.Reason!)),
            ClosureStatus.AlreadyListed => ApiProblems.Conflict(outcome.Message),
            _ => ApiProblems.Invalid(outcome.Field!, outcome.Message),
        };
    }

    internal static async Task<IResult> RemoveAsync(string date, ClosureRegistry closures, CancellationToken ct)
    {
        if (ApiQuery.Date("date", date, out var day) is { } badDate) return badDate;
        var outcome = await closures.RemoveAsync(day!.Value, ct).ConfigureAwait(false);
        return outcome.Status == ClosureStatus.Removed
            ? TypedResults.Ok(new ClosureView(outcome.Date!.Value, outcome.Reason!))
            : ApiProblems.NotFound(outcome.Message);
    }

    internal static async Task<IResult> ListAsync(SigmaSightDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.MarketClosures.AsNoTracking().OrderBy(c => c.Date).Select(c => new ClosureView(c.Date, c.Reason))
            .ToListAsync(ct).ConfigureAwait(false));

    internal static async Task<IResult> GetAsync(string date, SigmaSightDbContext db, CancellationToken ct)
    {
        if (ApiQuery.Date("date", date, out var day) is { } badDate) return badDate;
        return await FindAsync(day!.Value, db, ct).ConfigureAwait(false);
    }

    private static async Task<IResult> FindAsync(DateOnly date, SigmaSightDbContext db, CancellationToken ct)
    {
        var closure = await db.MarketClosures.AsNoTracking().Where(c => c.Date == date).Select(c => new ClosureView(c.Date, c.Reason))
            .SingleOrDefaultAsync(ct).ConfigureAwait(false);
        return closure is null ? ApiProblems.NotFound($"no operator closure on {date:yyyy-MM-dd}") : TypedResults.Ok(closure);
    }
}
