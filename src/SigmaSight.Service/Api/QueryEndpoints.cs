using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Api;

/// <summary>GET /api/runs, /api/runs/{id}, /api/runs/{a}/diff/{b} and /api/portfolios/{id}/snapshots|risk: read the ledger, the snapshots and the analytics.</summary>
public static class QueryEndpoints
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 500;

    public static RouteGroupBuilder MapQueries(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/runs", ListRunsAsync).WithName("ListRuns").WithSummary("The most recent runs, newest first")
            .Produces<List<RunView>>().ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/runs/{id}", GetRunAsync).WithName("GetRun").WithSummary("One run with its phases and items; id: the run id or a unique prefix or suffix of it")
            .Produces<RunDetailView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/runs/{a}/diff/{b}", GetDiffAsync).WithName("GetRunDiff")
            .WithSummary("The snapshot figures that differ between what run a and run b verified, over the dates and portfolios both cover")
            .Produces<Batches.Diff.RunDiff>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/portfolios", ListPortfoliosAsync).WithName("ListPortfolios")
            .WithSummary("Every portfolio in name order: id, name, owner, currency, inception, active, latest snapshot date and NAV")
            .Produces<List<Portfolios.PortfolioListing>>();
        api.MapGet("/portfolios/{id}/snapshots", GetSnapshotsAsync).WithName("GetSnapshots")
            .WithSummary("A portfolio's snapshots over [from, to] (both optional), in date order")
            .Produces<SnapshotsView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/portfolios/{id}/risk", GetRiskAsync).WithName("GetRisk")
            .WithSummary("Every family of a portfolio's risk analytics on one day (default: the latest day with analytics)")
            .Produces<Risk.Reports.RiskReport>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    internal static async Task<IResult> GetDiffAsync(string a, string b, SigmaSightDbContext db, Batches.Diff.RunDiffer differ, CancellationToken ct)
    {
        var foundA = await Batches.RunReferences.FindAsync(db.BatchRuns, a, "a", ct).ConfigureAwait(false);
        if (foundA.Id is not { } runA) return foundA.Unknown ? ApiProblems.NotFound(foundA.Problem!) : ApiProblems.Invalid("a", foundA.Problem!);
        var foundB = await Batches.RunReferences.FindAsync(db.BatchRuns, b, "b", ct).ConfigureAwait(false);
        if (foundB.Id is not { } runB) return foundB.Unknown ? ApiProblems.NotFound(foundB.Problem!) : ApiProblems.Invalid("b", foundB.Problem!);
        return TypedResults.Ok(await differ.CompareAsync(runA, runB, ct).ConfigureAwait(false));
    }

    internal static async Task<IResult> GetRiskAsync(string id, string? date, SigmaSightDbContext db, Risk.Reports.RiskReportReader reader,
        MarketData.TradingCalendarProvider calendars, CancellationToken ct)
    {
        if (ApiQuery.Date("date", date, out var day) is { } badDate) return badDate;
        if (day is { } asked)
        {
            var calendar = await calendars.GetAsync(ct).ConfigureAwait(false);
            if (ApiProblems.Check("date", () => Cli.RunInputs.RequireTradingDay(calendar, asked, "date")) is { } closed) return closed;
        }
        if (!Guid.TryParse(id, out var portfolioId)) return ApiProblems.Invalid("id", $"id '{id}' is not a portfolio id (a GUID)");
        if (!await db.Portfolios.AnyAsync(p => p.Id == portfolioId, ct).ConfigureAwait(false))
            return ApiProblems.NotFound($"portfolio {portfolioId} does not exist");
        var report = await reader.ReadAsync(portfolioId, day, ct).ConfigureAwait(false);
        return report is null
            ? ApiProblems.NotFound(day is { } d ? $"portfolio {portfolioId} has no risk analytics on {d:yyyy-MM-dd}"
                : $"portfolio {portfolioId} has no risk analytics yet")
            : TypedResults.Ok(report);
    }

    internal static async Task<IResult> ListPortfoliosAsync(SigmaSightDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await Portfolios.PortfolioList.ReadAsync(db, ct).ConfigureAwait(false));

    internal static async Task<IResult> ListRunsAsync(string? limit, SigmaSightDbContext db, CancellationToken ct)
    {
        if (ApiQuery.Whole("limit", limit, out var count) is { } badLimit) return badLimit;
        var take = count ?? DefaultLimit;
        if (take is < 1 or > MaxLimit) return ApiProblems.Invalid("limit", $"limit {take} is out of range: give 1..{MaxLimit}");
        var runs = await db.BatchRuns.AsNoTracking().OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(take)
            .ToListAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(runs.Select(RunView.Of).ToList());
    }

    /// <summary>A run's data-quality findings in its detail, the most severe first.</summary>
    private const int MaxFindings = 500;

    internal static async Task<IResult> GetRunAsync(string id, SigmaSightDbContext db, CancellationToken ct)
    {
        var found = await Batches.RunReferences.FindAsync(db.BatchRuns, id, "id", ct).ConfigureAwait(false);
        if (found.Id is not { } runId) return found.Unknown ? ApiProblems.NotFound(found.Problem!) : ApiProblems.Invalid("id", found.Problem!);
        var run = await db.BatchRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct).ConfigureAwait(false);
        var phases = await db.BatchPhases.AsNoTracking().Where(p => p.RunId == runId).OrderBy(p => p.Phase)
            .Select(p => new PhaseView(p.Phase, p.Name, p.Status, p.Expected, p.Remaining, p.StarterJobId, p.StartedAt, p.FinishedAt))
            .ToListAsync(ct).ConfigureAwait(false);
        var items = await db.BatchItems.AsNoTracking().Where(i => i.RunId == runId).OrderBy(i => i.Phase).ThenBy(i => i.ItemKey)
            .ToListAsync(ct).ConfigureAwait(false);
        var findings = await Batches.Verification.RunFindings.ReadAsync(db, runId, MaxFindings, ct).ConfigureAwait(false);
        return TypedResults.Ok(new RunDetailView(RunView.Of(run), phases, items.Select(ItemView.Of).ToList(), findings));
    }

    internal static async Task<IResult> GetSnapshotsAsync(string id, string? from, string? to, SigmaSightDbContext db, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var portfolioId)) return ApiProblems.Invalid("id", $"id '{id}' is not a portfolio id (a GUID)");
        if (ApiQuery.Date("from", from, out var first) is { } badFrom) return badFrom;
        if (ApiQuery.Date("to", to, out var last) is { } badTo) return badTo;
        return await SnapshotsAsync(portfolioId, first, last, db, ct).ConfigureAwait(false);
    }

    private static async Task<IResult> SnapshotsAsync(Guid portfolioId, DateOnly? from, DateOnly? to, SigmaSightDbContext db, CancellationToken ct)
    {
        if (from is { } f && to is { } t && ApiProblems.Check("from", () => Cli.RunInputs.RequireOrder(f, t, "from", "to")) is { } reversed) return reversed;
        var name = await db.Portfolios.AsNoTracking().Where(p => p.Id == portfolioId).Select(p => p.Name)
            .SingleOrDefaultAsync(ct).ConfigureAwait(false);
        if (name is null) return ApiProblems.NotFound($"portfolio {portfolioId} does not exist");
        var query = db.PortfolioSnapshots.AsNoTracking().Where(s => s.PortfolioId == portfolioId);
        if (from is { } start) query = query.Where(s => s.SnapshotDate >= start);
        if (to is { } end) query = query.Where(s => s.SnapshotDate <= end);
        var snapshots = await query.OrderBy(s => s.SnapshotDate)
            .Select(s => new SnapshotView(s.SnapshotDate, s.EquityBalance, s.CashValue, s.DailyPnl, s.DailyReturn, s.DailyReturnNote,
                s.CumulativePnl, s.DailyRealizedPnl, s.CumulativeRealizedPnl, s.DailyCapitalFlow, s.CumulativeCapitalFlow,
                s.LongValue, s.ShortValue, s.GrossExposure, s.NetExposure, s.NumPositions, s.NumLongPositions,
                s.NumShortPositions, s.StalePriceCount, s.RunId))
            .ToListAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(new SnapshotsView(portfolioId, name, from, to, snapshots));
    }
}
