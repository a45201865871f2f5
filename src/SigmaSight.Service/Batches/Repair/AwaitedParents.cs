using Hangfire.States;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Repair;

/// <summary>Whether the parent of a continuation still Awaiting has done its work, so the reconciler may release it.</summary>
internal static class AwaitedParents
{
    /// <summary>Hangfire holds the parent Succeeded for at least <paramref name="stuckAfter"/> (on the database's clock).</summary>
    public static bool SucceededLongAgo(IStorageConnection connection, IMonitoringApi monitoring, string jobId,
        DateTimeOffset wallClock, TimeSpan stuckAfter)
    {
        if (ParentOf(connection, jobId) is not { } parentId) return false;
        if (connection.GetStateData(parentId)?.Name != SucceededState.StateName) return false;
        var since = monitoring.JobDetails(parentId)?.History?.FirstOrDefault()?.CreatedAt;
        var succeededAt = since is { } s ? new DateTimeOffset(DateTime.SpecifyKind(s, DateTimeKind.Utc)) : DateTimeOffset.MinValue;
        return wallClock - succeededAt >= stuckAfter;
    }

    /// <summary>
    /// Every ledger item of the parent Succeeded while Hangfire holds the parent Failed or Deleted (its state change was
    /// forced after the ledger committed, e.g. state-change retries exhausted): the ledger is the truth (issue 7, 1c).
    /// A P&amp;L job covers a slice of days, and one that stopped midway has not succeeded.
    /// </summary>
    public static async Task<bool> SucceededInLedgerAsync(SigmaSightDbContext db, Guid runId, IStorageConnection connection,
        string jobId, CancellationToken cancellationToken)
    {
        if (ParentOf(connection, jobId) is not { } parentId) return false;
        if (!Reconciler.DeadStates.Contains(connection.GetStateData(parentId)?.Name ?? "")) return false;
        var parentItems = db.BatchItems.Where(i => i.RunId == runId && i.HangfireJobId == parentId);
        return await parentItems.AnyAsync(cancellationToken).ConfigureAwait(false)
            && !await parentItems.AnyAsync(i => i.Status != ItemStatus.Succeeded, cancellationToken).ConfigureAwait(false);
    }

    private static string? ParentOf(IStorageConnection connection, string jobId) =>
        connection.GetStateData(jobId)?.Data is { } data && data.TryGetValue("ParentId", out var parentId) ? parentId : null;
}
