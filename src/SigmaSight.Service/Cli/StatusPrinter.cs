using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Verification;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Cli;

/// <summary>Prints runs, their phases and their unsuccessful items as plain tables.</summary>
public static class StatusPrinter
{
    public static async Task PrintRunAsync(SigmaSightDbContext db, Guid runId, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(output);
        var run = await db.BatchRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false)
            ?? throw new UsageException($"run {runId} does not exist");
        var phases = await db.BatchPhases.AsNoTracking().Where(p => p.RunId == runId).OrderBy(p => p.Phase)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var problems = await db.BatchItems.AsNoTracking()
            .Where(i => i.RunId == runId && i.Status != ItemStatus.Succeeded).OrderBy(i => i.Phase).ThenBy(i => i.ItemKey)
            .Take(20).ToListAsync(cancellationToken).ConfigureAwait(false);
        var inv = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(inv,
            $"run {run.Id}  {run.Kind}  {run.RangeFrom:yyyy-MM-dd}..{run.RangeTo:yyyy-MM-dd}  status {run.Status}  " +
            $"took {(run.FinishedAt - run.StartedAt)?.TotalSeconds:0.0}s")).ConfigureAwait(false);
        var unsuccessful = await db.BatchItems.AsNoTracking()
            .Where(i => i.RunId == runId && (i.Status == ItemStatus.Failed || i.Status == ItemStatus.Blocked))
            .GroupBy(i => new { i.Phase, i.Status }).Select(g => new { g.Key.Phase, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        int Count(int phase, ItemStatus status) => unsuccessful.FirstOrDefault(u => u.Phase == phase && u.Status == status)?.Count ?? 0;
        await output.WriteLineAsync($"  {"phase",-20} {"status",-20} {"done",6} {"expected",8} {"failed",7} {"blocked",8}").ConfigureAwait(false);
        foreach (var p in phases)
            await output.WriteLineAsync($"  {p.Name,-20} {p.Status,-20} {p.Expected - p.Remaining,6} {p.Expected,8} " +
                $"{Count(p.Phase, ItemStatus.Failed),7} {Count(p.Phase, ItemStatus.Blocked),8}").ConfigureAwait(false);
        foreach (var i in problems)
            await output.WriteLineAsync($"  {i.Status,-8} {i.ItemKey}  {i.Error}").ConfigureAwait(false);
        var findings = await RunFindings.ReadAsync(db, runId, 20, cancellationToken).ConfigureAwait(false);
        var findingCount = await db.DataQualityFindings.CountAsync(f => f.RunId == runId, cancellationToken).ConfigureAwait(false);
        if (findingCount > 0)
            await output.WriteLineAsync($"  data quality: {findingCount} finding(s){(findingCount > findings.Count ? $", the {findings.Count} most severe:" : ":")}")
                .ConfigureAwait(false);
        foreach (var f in findings)
            await output.WriteLineAsync($"  {f.Severity,-8} {f.Kind,-20} {f.BusinessDate:yyyy-MM-dd} {f.Symbol,-8} {f.Detail}").ConfigureAwait(false);
        if (run.Summary is not null) await output.WriteLineAsync($"  summary: {run.Summary}").ConfigureAwait(false);
        if (run.DetailPrunedAt is { } pruned)
            await output.WriteLineAsync($"  retention pruned this run's items, phases and findings on {pruned:yyyy-MM-dd} (Retention:KeepDays)")
                .ConfigureAwait(false);
    }

    /// <summary>Runs listed by <c>status</c> without a run id.</summary>
    public const int RecentCount = 20;

    /// <summary>The <paramref name="limit"/> most recent runs, newest first, with their times in UTC.</summary>
    public static async Task PrintRecentAsync(SigmaSightDbContext db, int limit, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(output);
        var runs = await RecentAsync(db, limit, cancellationToken).ConfigureAwait(false);
        if (runs.Count == 0)
        {
            await output.WriteLineAsync("no runs yet: start one with run, backfill or recompute").ConfigureAwait(false);
            return;
        }
        await output.WriteLineAsync(
            $"{"run",-36}  {"kind",-9} {"range",-22} {"status",-19} {"created (UTC)",-19} {"took",8}  superseded").ConfigureAwait(false);
        foreach (var r in runs)
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{r.Id,-36}  {r.Kind,-9} {r.RangeFrom:yyyy-MM-dd}..{r.RangeTo:yyyy-MM-dd} {r.Status,-19} " +
                $"{r.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} {Took(r),8}  {(r.SupersededBy is { } next ? RunReferences.Shown(next) : "")}"))
                .ConfigureAwait(false);
    }

    /// <summary>The <paramref name="limit"/> most recent runs, newest first.</summary>
    public static Task<List<BatchRun>> RecentAsync(SigmaSightDbContext db, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.BatchRuns.AsNoTracking().OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(limit)
            .ToListAsync(cancellationToken);
    }

    private static string Took(BatchRun run) =>
        (run.FinishedAt - run.StartedAt) is { } took ? took.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s" : "-";
}
