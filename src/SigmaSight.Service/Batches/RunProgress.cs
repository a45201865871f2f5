using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches;

/// <summary>
/// One phase of a run as the ledger counts it: <see cref="Done"/> items finished (Expected − Remaining) of
/// <see cref="Expected"/>, and how many of them succeeded, failed or were blocked.
/// </summary>
public sealed record PhaseCounts(int Phase, string Name, PhaseStatus Status, int Expected, int Done, int Succeeded, int Failed,
    int Blocked, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    /// <summary>Seconds from the phase's start to its finish (null while it runs or before it starts).</summary>
    public double? DurationSeconds => (FinishedAt - StartedAt)?.TotalSeconds;
}

/// <summary>A run's status and its phases' counts at one moment: what live progress and <c>status</c> show.</summary>
public sealed record RunProgress(BatchRun Run, IReadOnlyList<PhaseCounts> Phases)
{
    /// <summary>Failed and blocked items over every phase.</summary>
    public int Unsuccessful => Phases.Sum(p => p.Failed + p.Blocked);

    /// <summary>Reads the run, its phases (batch_phases) and its items' counts by phase and status (batch_items).</summary>
    public static async Task<RunProgress> ReadAsync(SigmaSightDbContext db, Guid runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.ChangeTracker.Clear();
        var run = await db.BatchRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"run {runId} does not exist");
        var phases = await db.BatchPhases.AsNoTracking().Where(p => p.RunId == runId).OrderBy(p => p.Phase)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var counts = await db.BatchItems.AsNoTracking()
            .Where(i => i.RunId == runId && (i.Status == ItemStatus.Succeeded || i.Status == ItemStatus.Failed || i.Status == ItemStatus.Blocked))
            .GroupBy(i => new { i.Phase, i.Status }).Select(g => new { g.Key.Phase, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        int Count(int phase, ItemStatus status) => counts.FirstOrDefault(c => c.Phase == phase && c.Status == status)?.Count ?? 0;
        return new RunProgress(run, [.. phases.Select(p => new PhaseCounts(p.Phase, p.Name, p.Status, p.Expected, p.Expected - p.Remaining,
            Count(p.Phase, ItemStatus.Succeeded), Count(p.Phase, ItemStatus.Failed), Count(p.Phase, ItemStatus.Blocked),
            p.StartedAt, p.FinishedAt))]);
    }
}
