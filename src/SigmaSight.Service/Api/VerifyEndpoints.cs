using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.Batches.Verification;
using SigmaSight.Service.Cli;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Api;

/// <summary>GET /api/verify: the <c>verify</c> verb over HTTP; checks a range from the data alone and changes nothing.</summary>
public static class VerifyEndpoints
{
    public static RouteGroupBuilder MapVerify(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/verify", VerifyAsync).WithName("Verify")
            .WithSummary("Whether every active portfolio (or the one given by id) has a snapshot for each trading day of [from, to] and every " +
                "analytics family on to (analytics=all: on each day), each missing or failed one named; both dates default to the last completed trading day")
            .Produces<RangeAuditReport>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    internal static async Task<IResult> VerifyAsync(string? from, string? to, string? portfolio, string? analytics,
        SigmaSightDbContext db, TradingCalendarProvider calendars, TimeProvider time, RangeAudit audit, CancellationToken ct)
    {
        if (ApiQuery.Date("from", from, out var first) is { } badFrom) return badFrom;
        if (ApiQuery.Date("to", to, out var last) is { } badTo) return badTo;
        if (analytics is not (null or "last" or "all")) return ApiProblems.Invalid("analytics", $"analytics '{analytics}' is not one of: last, all");
        Guid? only = null;
        if (portfolio is not null)
        {
            if (!Guid.TryParse(portfolio, out var id)) return ApiProblems.Invalid("portfolio", $"portfolio '{portfolio}' is not a portfolio id (a GUID)");
            if (!await db.Portfolios.AnyAsync(p => p.Id == id, ct).ConfigureAwait(false)) return ApiProblems.NotFound($"portfolio {id} does not exist");
            only = id;
        }
        var calendar = await calendars.GetAsync(ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        DateOnly start, end;
        try
        {
            (start, end) = AuditRange.Resolve(calendar, first, last, now, field => field);
        }
        catch (UsageException e)
        {
            return ApiProblems.Invalid(e.Field ?? "to", e.Message);
        }
        var report = await audit.CheckAsync(only is { } one ? RunScope.ForPortfolio(one) : RunScope.All, start, end, analytics == "all", ct)
            .ConfigureAwait(false);
        return report.Portfolios == 0
            ? ApiProblems.Invalid(only is null ? "to" : "portfolio", AuditRange.NothingToVerify(only?.ToString(), end))
            : TypedResults.Ok(report);
    }
}
