using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Batches.Verification;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches;

/// <summary>
/// Starts runs idempotently: a request whose (kind, scope, range) has a live run that is Running, or Completed and
/// still true of the data (<see cref="RunCoverage"/>, and no late or corrected close invalidated its snapshots), joins it;
/// one whose live run ended with errors or whose snapshots have gone since, or in whose range a portfolio import
/// scheduled a rebuild, or a forced one, supersedes it. A unique index settles races. A request whose range no active
/// portfolio reaches is refused (<see cref="RunRefusedException"/>): a run that checks nothing proves nothing.
/// </summary>
public sealed partial class RunStarter(
    SigmaSightDbContext db, PhaseAdvancer advancer, RunCoverage coverage, MarketData.TradingCalendarProvider calendars,
    TimeProvider time, ILogger<RunStarter> logger)
{

    public async Task<RunHandle> StartAsync(RunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        while (true)
        {
            if (await TryStartAsync(request, cancellationToken).ConfigureAwait(false) is { } handle) return handle;
            db.ChangeTracker.Clear();
            LogRace(logger, request.Kind, request.To);
        }
    }

    /// <summary>Starts or joins; null when a concurrent start won the race (the caller then joins it).</summary>
    private async Task<RunHandle?> TryStartAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var live = await db.BatchRuns.Where(r => r.Kind == request.Kind && r.Scope == request.Scope
                && r.RangeFrom == request.From && r.RangeTo == request.To && r.SupersededBy == null)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var promised = await coverage.CheckAsync(request.Scope, request.From, request.To, cancellationToken).ConfigureAwait(false);
        if (promised.Portfolios == 0)
            throw new RunRefusedException(await NothingToRunAsync(request, cancellationToken).ConfigureAwait(false));
        // A run that computes analytics for the last day only does not answer a request for every day's.
        var covers = live is not null && (live.AnalyticsAllDates || !request.AnalyticsAllDates);
        if (live is not null && !request.Force && covers && live.Status is RunStatus.Running)
            return new RunHandle(live.Id, Joined: true, live.Status);
        // A run whose detail retention pruned cannot show what it verified: a new run checks the data again.
        if (live is not null && !request.Force && covers && live.Status is RunStatus.Completed && live.DetailPrunedAt is null)
        {
            var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
            var (analytics, _) = await AnalyticsCheck.CheckAsync(db, live, calendar, cancellationToken).ConfigureAwait(false);
            var rebuilds = await RebuildsDueAsync(request, cancellationToken).ConfigureAwait(false);
            // A portfolio import that changed a past day asks the next run to rebuild: a finished verdict is not it.
            var rebuild = await Planning.RunScope.Portfolios(db, request.Scope)
                .AnyAsync(p => p.RebuildFrom <= request.To, cancellationToken).ConfigureAwait(false);
            if (promised.IsComplete && analytics.Count == 0 && rebuilds.Count == 0 && !rebuild) return new RunHandle(live.Id, Joined: true, live.Status);
            if (rebuild) LogPendingRebuild(logger, live.Id);
            else LogStaleVerdict(logger, live.Id, promised.Missing.Count + analytics.Count + rebuilds.Count,
                string.Join("; ", promised.Describe().Concat(analytics).Concat(rebuilds).Take(5)));
        }

        var now = time.GetUtcNow();
        var run = new BatchRun
        {
            Id = Guid.CreateVersion7(now),
            BusinessDate = request.To,
            Kind = request.Kind,
            Scope = request.Scope,
            RangeFrom = request.From,
            RangeTo = request.To,
            Status = RunStatus.Running,
            RequestedBy = request.RequestedBy,
            TriggerTime = request.TriggerTime,
            AnalyticsAllDates = request.AnalyticsAllDates,
            CreatedAt = now,
            StartedAt = now,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            if (live is not null)
            {
                live.SupersededBy = run.Id;
                if (live.Status == RunStatus.Running)
                {
                    // Closed, not left Running: its jobs that have not started do nothing (BatchLedger.BeginItemAsync),
                    // so its chains never race the new run (issue 7, 1h).
                    live.Status = RunStatus.Superseded;
                    live.FinishedAt = now;
                    live.Summary = $"superseded by run {run.Id} before it finished";
                    var reason = $"not run: run superseded by {run.Id}";
                    await db.BatchItems.Where(i => i.RunId == live.Id && i.Status == ItemStatus.Pending)
                        .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, ItemStatus.Blocked).SetProperty(i => i.Error, reason)
                            .SetProperty(i => i.FinishedAt, now), cancellationToken).ConfigureAwait(false);
                }
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            // ON CONFLICT: a concurrent start of the same run won (unique live range/nightly date); join it.
            var kind = run.Kind.ToString();
            var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO sigmasight.batch_runs (id, business_date, kind, scope, range_from, range_to, status,
                                                   requested_by, trigger_time, created_at, started_at, analytics_all_dates)
                VALUES ({run.Id}, {run.BusinessDate}, {kind}, {run.Scope}, {run.RangeFrom}, {run.RangeTo}, 'Running',
                        {run.RequestedBy}, {run.TriggerTime}, {run.CreatedAt}, {run.StartedAt}, {run.AnalyticsAllDates})
                ON CONFLICT DO NOTHING
                """, cancellationToken).ConfigureAwait(false);
            if (inserted == 0)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return null;
            }
            db.BatchPhases.AddRange(BatchPhases.All.Select(p => new BatchPhase
            {
                RunId = run.Id, Phase = p, Name = BatchPhases.Name(p), Status = PhaseStatus.Pending,
            }));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        LogStarted(logger, run.Id, run.Kind, run.RangeFrom, run.RangeTo, live?.Id);
        await advancer.EnqueueStarterAsync(run.Id, BatchPhases.MarketData, cancellationToken).ConfigureAwait(false);
        return new RunHandle(run.Id, Joined: false, RunStatus.Running);
    }

    /// <summary>Portfolios of the scope whose snapshots in the range a late or corrected close invalidated.</summary>
    private async Task<List<string>> RebuildsDueAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var ids = await Planning.RunScope.Portfolios(db, request.Scope).Select(p => p.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var late = await Planning.LateCloses.EarliestAsync(db, ids, cancellationToken).ConfigureAwait(false);
        return [.. late.Where(l => l.Value <= request.To).Select(l => $"portfolio {l.Key} must be rebuilt from {l.Value:yyyy-MM-dd}")];
    }

    private async Task<string> NothingToRunAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var earliest = await Planning.RunScope.Portfolios(db, request.Scope).MinAsync(p => (DateOnly?)p.InceptionDate, cancellationToken)
            .ConfigureAwait(false);
        var range = request.From == request.To ? $"on {request.To:yyyy-MM-dd}" : $"on any day of {request.From:yyyy-MM-dd}..{request.To:yyyy-MM-dd}";
        return earliest is { } first
            ? $"no portfolio is active {range}: the earliest inception is {first:yyyy-MM-dd}"
            : $"no portfolio is active {range}: there is no active portfolio in scope {request.Scope} (seed-demo or import one first)";
    }

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning,
        Message = "Run {RunId} is Completed but {Missing} snapshot(s) or analytics it verified are gone or must be rebuilt ({Which}): starting a new run instead of joining it")]
    private static partial void LogStaleVerdict(ILogger logger, Guid runId, int missing, string which);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Information,
        Message = "Run {RunId} is Completed but a portfolio import scheduled a rebuild in its range: starting a new run instead of joining it")]
    private static partial void LogPendingRebuild(ILogger logger, Guid runId);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information,
        Message = "Run {RunId} started: {Kind} {From:yyyy-MM-dd}..{To:yyyy-MM-dd} (supersedes {Superseded})")]
    private static partial void LogStarted(ILogger logger, Guid runId, RunKind kind, DateOnly from, DateOnly to, Guid? superseded);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Concurrent start of {Kind} for {Date:yyyy-MM-dd}: joining the winner")]
    private static partial void LogRace(ILogger logger, RunKind kind, DateOnly date);
}
