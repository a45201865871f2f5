using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Api;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Verification;
using SigmaSight.Service.Hosting.Security;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Cli;

/// <summary>
/// <c>status &lt;run&gt; --json</c> (and the end of <c>run</c>, <c>backfill</c>, <c>recompute</c>): the run, its phases'
/// counts, its first <see cref="Shown"/> failed or blocked items with their error and an absolute link to their Hangfire
/// job, and its most severe data-quality findings. <see cref="UnsuccessfulCount"/> and <see cref="FindingCount"/> count all.
/// </summary>
public sealed record RunStatusView(RunView Run, string RunUrl, IReadOnlyList<PhaseCounts> Phases, int UnsuccessfulCount,
    IReadOnlyList<ItemView> Unsuccessful, int FindingCount, IReadOnlyList<FindingView> Findings)
{
    /// <summary>Items and findings listed at most.</summary>
    public const int Shown = 20;

    public static async Task<RunStatusView> ReadAsync(SigmaSightDbContext db, Guid runId, DashboardLinks links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(links);
        if (!await db.BatchRuns.AnyAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false))
            throw new UsageException($"run {runId} does not exist");
        var progress = await RunProgress.ReadAsync(db, runId, cancellationToken).ConfigureAwait(false);
        var unsuccessful = db.BatchItems.AsNoTracking().Where(i => i.RunId == runId && i.Status != ItemStatus.Succeeded);
        var items = await unsuccessful.OrderBy(i => i.Phase).ThenBy(i => i.ItemKey).Take(Shown)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var findings = await RunFindings.ReadAsync(db, runId, Shown, cancellationToken).ConfigureAwait(false);
        return new RunStatusView(RunView.Of(progress.Run), links.Run(runId), progress.Phases,
            await unsuccessful.CountAsync(cancellationToken).ConfigureAwait(false),
            [.. items.Select(i => ItemView.Of(i) with { JobUrl = i.HangfireJobId is { } job ? links.Job(job) : null })],
            await db.DataQualityFindings.CountAsync(f => f.RunId == runId, cancellationToken).ConfigureAwait(false), findings);
    }
}
