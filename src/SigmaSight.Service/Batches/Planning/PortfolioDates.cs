using Microsoft.EntityFrameworkCore;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Planning;

/// <summary>
/// The trading days each portfolio of a run must process, in order: every day after its latest snapshot (or from
/// inception) through the run's last date, so a missed night never loses a day of P&amp;L. A recompute starts at its
/// from-date; any run also starts at the first day a snapshot was valued with a stale price whose real close has
/// arrived since (DESIGN §4), or at the date a portfolio import changed the past from
/// (<see cref="Portfolios.Portfolio.RebuildFrom"/>), and rebuilds from there.
/// </summary>
public static class PortfolioDates
{
    public static async Task<IReadOnlyDictionary<Guid, PortfolioPlan>> PlanAsync(
        SigmaSightDbContext db, BatchRun run, NyseCalendar calendar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(calendar);
        var portfolios = await RunScope.Portfolios(db, run.Scope)
            .Select(p => new
            {
                p.Id,
                p.InceptionDate,
                p.RebuildFrom,
                Latest = db.PortfolioSnapshots.Where(s => s.PortfolioId == p.Id)
                    .Max(s => (DateOnly?)s.SnapshotDate),
            })
            .AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var lateCloses = await LateCloses.EarliestAsync(db, [.. portfolios.Select(p => p.Id)], cancellationToken)
            .ConfigureAwait(false);

        var plan = new Dictionary<Guid, PortfolioPlan>();
        foreach (var p in portfolios)
        {
            var start = p.Latest is { } latest ? latest.AddDays(1) : p.InceptionDate;
            if (run.Kind == RunKind.Recompute) start = run.RangeFrom;
            DateOnly? lateClose = lateCloses.TryGetValue(p.Id, out var late) ? late : null;
            if (lateClose < start) start = lateClose.Value;
            if (p.RebuildFrom < start) start = p.RebuildFrom.Value;
            if (start < p.InceptionDate) start = p.InceptionDate;
            var rebuildFrom = p.Latest is { } last && start <= last ? start : (DateOnly?)null;
            var reason = rebuildFrom is null ? RebuildReason.None
                : lateClose == start ? RebuildReason.LateClose
                : p.RebuildFrom == start ? RebuildReason.Import : RebuildReason.Requested;
            // A rebuild deletes every snapshot from its first day on; a run whose range ends before the latest one
            // would leave the days after its range deleted (and their analytics lost) while it verifies Completed. It
            // leaves the portfolio as stored and the rebuild pending for a run that reaches the latest snapshot.
            if (rebuildFrom is { } from && run.Kind != RunKind.Recompute && run.RangeTo < p.Latest)
            {
                plan[p.Id] = new PortfolioPlan([], p.Latest.Value.AddDays(1), null, RebuildReason.None, p.Latest,
                    new DeferredRebuild(from, reason, p.Latest.Value, DeferralCause.RangeEndsBeforeLatest));
                continue;
            }
            plan[p.Id] = new PortfolioPlan([.. calendar.TradingDays(start, run.RangeTo)], start, rebuildFrom, reason, p.Latest);
        }
        return plan;
    }
}

/// <summary>
/// The days a portfolio processes, from <see cref="Start"/> on; <see cref="RebuildFrom"/> is set when they overwrite
/// stored snapshots, for <see cref="Reason"/>; <see cref="Latest"/> is its latest snapshot when planned;
/// <see cref="Deferred"/> when a rebuild is due but the run leaves it to a later one (<see cref="DeferralCause"/>).
/// </summary>
public sealed record PortfolioPlan(IReadOnlyList<DateOnly> Dates, DateOnly Start, DateOnly? RebuildFrom, RebuildReason Reason,
    DateOnly? Latest, DeferredRebuild? Deferred = null);

/// <summary>A rebuild from <see cref="From"/> (for <see cref="Reason"/>) that a run leaves pending, and why.</summary>
public sealed record DeferredRebuild(DateOnly From, RebuildReason Reason, DateOnly Latest, DeferralCause Cause);

/// <summary>Why a run leaves a due rebuild to a later run.</summary>
public enum DeferralCause
{
    /// <summary>The run's range ends before the latest snapshot, which the rebuild would delete and not write again.</summary>
    RangeEndsBeforeLatest,

    /// <summary>
    /// The rebuild became due after the run fixed its analytics dates (phase 2): it would delete stored analytics of days
    /// the run does not compute again (<see cref="AnalyticsSafeRebuilds"/>).
    /// </summary>
    AfterAnalyticsPlanned,
}

/// <summary>Why a run overwrites a portfolio's stored snapshots.</summary>
public enum RebuildReason
{
    /// <summary>It does not: the run only adds days after the latest snapshot.</summary>
    None,

    /// <summary>A recompute, or a backfill over stored days, asked for it.</summary>
    Requested,

    /// <summary>A close that a snapshot was valued without has arrived.</summary>
    LateClose,

    /// <summary>A portfolio import changed lots or flows of a day that has a snapshot.</summary>
    Import,
}
