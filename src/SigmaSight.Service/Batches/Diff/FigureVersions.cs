using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Diff;

/// <summary>
/// Snapshot versions, so two runs' figures can be compared after one replaced the other's. Every snapshot row takes a
/// version from the sequence <c>sigmasight.figure_versions</c> when it is inserted; a rebuild moves the rows it deletes
/// to <c>snapshot_archive</c> with the version that replaced them; a run's verdict records the last version then
/// (<see cref="BatchRun.FiguresVersion"/>). The figures a run verified are the rows valid at its version. A snapshot's
/// figures are its columns but id, portfolio_id, snapshot_date, run_id, created_at and version.
/// </summary>
public static class FigureVersions
{
    public static Task<long> CurrentAsync(SigmaSightDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.SqlQuery<long>($"SELECT last_value AS \"Value\" FROM sigmasight.figure_versions")
            .SingleAsync(cancellationToken);
    }

    /// <summary>Deletes a portfolio's snapshots from <paramref name="from"/> on, keeping each in the archive.</summary>
    public static Task<int> ArchiveSnapshotsFromAsync(SigmaSightDbContext db, Guid portfolioId, DateOnly from, Guid replacedByRun,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            WITH gone AS (
                DELETE FROM sigmasight.portfolio_snapshots s WHERE s.portfolio_id = {portfolioId} AND s.snapshot_date >= {from}
                RETURNING s.*)
            INSERT INTO sigmasight.snapshot_archive
                   (portfolio_id, snapshot_date, version, replaced_version, run_id, replaced_by_run, figures, created_at, archived_at)
            SELECT g.portfolio_id, g.snapshot_date, g.version, nextval('sigmasight.figure_versions'), g.run_id, {replacedByRun},
                   to_jsonb(g) - 'id' - 'portfolio_id' - 'snapshot_date' - 'run_id' - 'created_at' - 'version', g.created_at, {now}
              FROM gone g
            """, cancellationToken);
    }
}
