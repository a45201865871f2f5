using Microsoft.EntityFrameworkCore;
using Npgsql;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Planning;

/// <summary>Stores the Hangfire job id of each item in one statement.</summary>
internal static class JobIdRecorder
{
    public static Task RecordAsync(SigmaSightDbContext db, Guid runId, int phase,
        IReadOnlyList<(string ItemKey, string JobId)> jobs, CancellationToken cancellationToken)
    {
        if (jobs.Count == 0) return Task.CompletedTask;
        return db.Database.ExecuteSqlRawAsync("""
            UPDATE sigmasight.batch_items AS i SET hangfire_job_id = j.job_id
              FROM unnest(@keys, @jobs) AS j(item_key, job_id)
             WHERE i.run_id = @run AND i.phase = @phase AND i.item_key = j.item_key
            """,
            [
                new NpgsqlParameter("keys", jobs.Select(j => j.ItemKey).ToArray()),
                new NpgsqlParameter("jobs", jobs.Select(j => j.JobId).ToArray()),
                new NpgsqlParameter("run", runId),
                new NpgsqlParameter("phase", phase),
            ], cancellationToken);
    }
}
