using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Planning;

/// <summary>
/// Says on the run which portfolios it leaves with a rebuild pending (<see cref="DeferredRebuild"/>): a warning
/// finding each, on the rebuild's first day, naming why the rebuild is due, the latest snapshot and what rebuilds it.
/// </summary>
public static class DeferredRebuildFindings
{
    public const string Kind = "rebuild_deferred";

    public static IReadOnlyList<DataQualityFinding> Of(BatchRun run, IReadOnlyDictionary<Guid, PortfolioPlan> plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(plan);
        return [.. plan.Where(p => p.Value.Deferred is not null).Select(p => Finding(run, p.Key, p.Value.Deferred!, now))];
    }

    public static Task<int> AddAsync(SigmaSightDbContext db, BatchRun run, IReadOnlyDictionary<Guid, PortfolioPlan> plan, DateTimeOffset now,
        CancellationToken cancellationToken) => FindingWriter.AddAsync(db, Of(run, plan, now), cancellationToken);

    private static DataQualityFinding Finding(BatchRun run, Guid portfolioId, DeferredRebuild deferred, DateTimeOffset now) => new()
    {
        RunId = run.Id, BusinessDate = deferred.From, PortfolioId = portfolioId, Kind = Kind, Severity = "warning", CreatedAt = now,
        Detail = deferred.Cause == DeferralCause.RangeEndsBeforeLatest
            ? $"snapshots from {deferred.From:yyyy-MM-dd} on are due for a rebuild ({Why(deferred.Reason)}), but this run ends on " +
              $"{run.RangeTo:yyyy-MM-dd}, before the latest snapshot ({deferred.Latest:yyyy-MM-dd}): it leaves them as stored and the " +
              $"rebuild pending for the next nightly, or a backfill to {deferred.Latest:yyyy-MM-dd}"
            : $"snapshots from {deferred.From:yyyy-MM-dd} on became due for a rebuild ({Why(deferred.Reason)}) after this run fixed its " +
              "analytics dates: rebuilding them now would delete analytics of days it does not compute again, so it leaves them as " +
              "stored and the rebuild pending for the next run",
    };

    private static string Why(RebuildReason reason) => reason switch
    {
        RebuildReason.LateClose => "a close they were valued without has arrived or was corrected",
        RebuildReason.Import => "a portfolio import changed their lots or flows",
        _ => "a rebuild was requested",
    };
}
