using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches;

/// <summary>
/// Starts runs idempotently: a request whose (kind, scope, range) has a live run that is Running or Completed joins
/// it; one whose live run ended with errors, or a forced one, supersedes it. A unique index settles races.
/// </summary>
public sealed partial class RunStarter(SigmaSightDbContext db, PhaseAdvancer advancer, TimeProvider time, ILogger<RunStarter> logger)
{
    private static readonly int[] Phases = [BatchPhases.MarketData, BatchPhases.Pnl, BatchPhases.Verify];

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
        if (live is not null && !request.Force && live.Status is RunStatus.Running or RunStatus.Completed)
            return new RunHandle(live.Id, Joined: true, live.Status);

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
            CreatedAt = now,
            StartedAt = now,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            if (live is not null)
            {
                live.SupersededBy = run.Id;
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            // ON CONFLICT: a concurrent start of the same run won (unique live range/nightly date); join it.
            var kind = run.Kind.ToString();
            var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO sigmasight.batch_runs (id, business_date, kind, scope, range_from, range_to, status,
                                                   requested_by, trigger_time, created_at, started_at)
                VALUES ({run.Id}, {run.BusinessDate}, {kind}, {run.Scope}, {run.RangeFrom}, {run.RangeTo}, 'Running',
                        {run.RequestedBy}, {run.TriggerTime}, {run.CreatedAt}, {run.StartedAt})
                ON CONFLICT DO NOTHING
                """, cancellationToken).ConfigureAwait(false);
            if (inserted == 0)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return null;
            }
            db.BatchPhases.AddRange(Phases.Select(p => new BatchPhase
            {
                RunId = run.Id, Phase = p, Name = BatchPhases.Name(p), Status = PhaseStatus.Pending,
            }));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        LogStarted(logger, run.Id, run.Kind, run.RangeFrom, run.RangeTo, live?.Id);
        await advancer.EnqueueStarterAsync(run.Id, Phases[0], cancellationToken).ConfigureAwait(false);
        return new RunHandle(run.Id, Joined: false, RunStatus.Running);
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information,
        Message = "Run {RunId} started: {Kind} {From}..{To} (supersedes {Superseded})")]
    private static partial void LogStarted(ILogger logger, Guid runId, RunKind kind, DateOnly from, DateOnly to, Guid? superseded);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Concurrent start of {Kind} for {Date}: joining the winner")]
    private static partial void LogRace(ILogger logger, RunKind kind, DateOnly date);
}
