using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches;

/// <summary>
/// Waits for a run's final status, reporting phase progress as it changes; a run superseded while waited on is
/// followed to the run that took over, so the caller gets the status of the work it asked for.
/// </summary>
public sealed class RunWaiter(SigmaSightDbContext db, IOptions<BatchOptions> options, TimeProvider time)
{
    /// <summary>The least time between two progress lines when the output is not a terminal (a cron log, a pipe).</summary>
    public static readonly TimeSpan QuietInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Waits for the run, printing a progress line when the phases' counts change, at most one per
    /// <paramref name="minInterval"/> (zero: every change) and always the last one.
    /// </summary>
    public async Task<BatchRun> WaitAsync(Guid runId, TimeSpan timeout, TextWriter progress, CancellationToken cancellationToken,
        TimeSpan minInterval = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var deadline = time.GetUtcNow() + timeout;
        var printed = "";
        DateTimeOffset? printedAt = null;
        while (true)
        {
            db.ChangeTracker.Clear();
            var run = await db.BatchRuns.AsNoTracking().SingleAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false);
            var phases = await db.BatchPhases.AsNoTracking().Where(p => p.RunId == runId).OrderBy(p => p.Phase)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var line = string.Join("  ", phases.Select(p =>
                $"{p.Name}: {(p.Status == PhaseStatus.Pending ? "pending" : $"{p.Expected - p.Remaining}/{p.Expected}")}"));
            var now = time.GetUtcNow();
            var due = printedAt is not { } at || now - at >= minInterval || run.Status != RunStatus.Running;
            if (line != printed && due)
            {
                await progress.WriteLineAsync($"  {line}").ConfigureAwait(false);
                (printed, printedAt) = (line, now);
            }
            if (run is { Status: RunStatus.Superseded, SupersededBy: { } next })
            {
                await progress.WriteLineAsync($"  run {runId} was superseded by run {next}: following it").ConfigureAwait(false);
                runId = next;
                (printed, printedAt) = ("", null);
                continue;
            }
            if (run.Status != RunStatus.Running) return run;
            if (now > deadline)
                throw new TimeoutException($"run {runId} still Running after {timeout}; see /hangfire and `status {runId}`");
            await Task.Delay(options.Value.WaitPollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
