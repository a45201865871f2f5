using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Planning;

/// <summary>
/// The right of one starter invocation to enqueue a phase's items (issue 7, 1d): taken atomically on the phase's row,
/// renewed while it works and released when it is done. A second starter — the reconciler racing the first, or a
/// re-run — finds it held and enqueues nothing; a starter killed mid-enqueue leaves it to expire, after which the
/// reconciler's starter takes over the items still without a job.
/// </summary>
public sealed class PhaseLease
{
    private readonly SigmaSightDbContext _db;
    private readonly TimeSpan _duration;
    private readonly System.Diagnostics.Stopwatch _sinceRenewal = System.Diagnostics.Stopwatch.StartNew();

    private PhaseLease(SigmaSightDbContext db, Guid runId, int phase, Guid owner, TimeSpan duration) =>
        (_db, RunId, Phase, Owner, _duration) = (db, runId, phase, owner, duration);

    public Guid RunId { get; }
    public int Phase { get; }
    public Guid Owner { get; }

    public TimeSpan Duration => _duration;

    /// <summary>Takes the lease of the phase when nobody holds it (or the holder's lease expired); null when held.</summary>
    public static async Task<PhaseLease?> TryAcquireAsync(SigmaSightDbContext db, Guid runId, int phase, TimeSpan duration,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var owner = Guid.NewGuid();
        var taken = await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE sigmasight.batch_phases SET enqueue_owner = {owner}, enqueue_lease_until = now() + {duration}
             WHERE run_id = {runId} AND phase = {phase}
               AND (enqueue_lease_until IS NULL OR enqueue_lease_until < now())
            """, cancellationToken).ConfigureAwait(false);
        return taken == 1 ? new PhaseLease(db, runId, phase, owner, duration) : null;
    }

    /// <summary>
    /// Extends the lease; false when it was lost (expired and taken over): the caller must stop enqueuing. Within an
    /// eighth of the duration of the last extension (or the taking) the lease cannot have expired, so the row is not
    /// touched: a starter may call this before every job it creates without a statement per job (issue 10, point 2).
    /// </summary>
    public async Task<bool> RenewAsync(CancellationToken cancellationToken)
    {
        if (_sinceRenewal.Elapsed < _duration / 8) return true;
        var renewed = await _db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE sigmasight.batch_phases SET enqueue_lease_until = now() + {_duration}
             WHERE run_id = {RunId} AND phase = {Phase} AND enqueue_owner = {Owner}
            """, cancellationToken).ConfigureAwait(false) == 1;
        if (renewed) _sinceRenewal.Restart();
        return renewed;
    }

    /// <summary>Gives the lease up (only if still held by this owner).</summary>
    public Task ReleaseAsync() => _db.Database.ExecuteSqlInterpolatedAsync($"""
        UPDATE sigmasight.batch_phases SET enqueue_owner = NULL, enqueue_lease_until = NULL
         WHERE run_id = {RunId} AND phase = {Phase} AND enqueue_owner = {Owner}
        """, CancellationToken.None);
}
