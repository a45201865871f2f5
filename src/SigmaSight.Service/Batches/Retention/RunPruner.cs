using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Retention;

/// <summary>
/// Retention of old runs: a run finished (any status but Running) before the cutoff loses its items, phases and
/// data-quality findings, and is marked <see cref="BatchRun.DetailPrunedAt"/>; its row stays. Snapshots archived
/// before the cutoff are deleted: a run finished before it can no longer be compared (the differ says so), one
/// finished after it can, since every row it needs was archived after its verdict. The run's Hangfire jobs still
/// Failed, Awaiting or Scheduled are deleted (they expire like any deleted job), so nothing can requeue a job whose
/// ledger is gone; Succeeded jobs expire on their own (<see cref="HangfireHostOptions.JobExpirationTimeout"/>).
/// </summary>
public sealed partial class RunPruner(
    SigmaSightDbContext db, IBackgroundJobClient jobs, IOptions<RetentionOptions> options, TimeProvider time,
    ILogger<RunPruner> logger)
{
    public Task<PruneResult> PruneAsync(bool dryRun, CancellationToken cancellationToken) =>
        PruneAsync(time.GetUtcNow().AddDays(-options.Value.KeepDays), dryRun, cancellationToken);

    public async Task<PruneResult> PruneAsync(DateTimeOffset cutoff, bool dryRun, CancellationToken cancellationToken)
    {
        PruneResult result;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            var runs = await db.Database.SqlQuery<Guid>($"""
                SELECT id AS "Value" FROM sigmasight.batch_runs
                 WHERE status <> 'Running' AND detail_pruned_at IS NULL AND coalesce(finished_at, created_at) < {cutoff}
                 ORDER BY id FOR UPDATE
                """).ToListAsync(cancellationToken).ConfigureAwait(false);
            var runArray = runs.ToArray();
            var leftovers = await db.Database.SqlQuery<string>($"""
                SELECT j.id::text AS "Value" FROM hangfire.job j
                 WHERE j.statename IN ('Failed', 'Awaiting', 'Scheduled')
                   AND j.id::text IN (SELECT hangfire_job_id FROM sigmasight.batch_items WHERE run_id = ANY({runArray})
                                      UNION SELECT starter_job_id FROM sigmasight.batch_phases WHERE run_id = ANY({runArray}))
                 ORDER BY j.id
                """).ToListAsync(cancellationToken).ConfigureAwait(false);
            var findings = await DeleteAsync($"DELETE FROM sigmasight.data_quality_findings WHERE run_id = ANY({runArray})", cancellationToken).ConfigureAwait(false);
            var items = await DeleteAsync($"DELETE FROM sigmasight.batch_items WHERE run_id = ANY({runArray})", cancellationToken).ConfigureAwait(false);
            var phases = await DeleteAsync($"DELETE FROM sigmasight.batch_phases WHERE run_id = ANY({runArray})", cancellationToken).ConfigureAwait(false);
            var archived = await DeleteAsync($"DELETE FROM sigmasight.snapshot_archive WHERE archived_at < {cutoff}", cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE sigmasight.batch_runs SET detail_pruned_at = {now} WHERE id = ANY({runArray})", cancellationToken).ConfigureAwait(false);
            result = new PruneResult(cutoff, dryRun, runs.Count, items, phases, findings, archived, leftovers);
            if (dryRun) await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            else await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        if (!dryRun)
            foreach (var job in result.LeftoverJobs) jobs.Delete(job);
        LogPruned(logger, dryRun, cutoff, result.Runs, result.Items, result.Findings, result.ArchivedSnapshots, result.LeftoverJobs.Count);
        return result;
    }

    private Task<int> DeleteAsync(FormattableString sql, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync(sql, cancellationToken);

    [LoggerMessage(EventId = 1701, Level = LogLevel.Information, Message = "Retention (dry run {DryRun}): runs finished before " +
        "{Cutoff:O} lose their detail: {Runs} run(s), {Items} item(s), {Findings} finding(s); {Archived} archived snapshot(s); {Jobs} leftover job(s)")]
    private static partial void LogPruned(ILogger logger, bool dryRun, DateTimeOffset cutoff, int runs, int items, int findings, int archived, int jobs);
}
