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
    }

    public static async Task PrintRecentAsync(SigmaSightDbContext db, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(output);
        var runs = await db.BatchRuns.AsNoTracking().OrderByDescending(r => r.CreatedAt).Take(20)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"{"run",-36}  {"kind",-9} {"range",-22} {"status",-20} superseded").ConfigureAwait(false);
        foreach (var r in runs)
            await output.WriteLineAsync(
                $"{r.Id,-36}  {r.Kind,-9} {r.RangeFrom:yyyy-MM-dd}..{r.RangeTo:yyyy-MM-dd} {r.Status,-20} {(r.SupersededBy is null ? "" : "yes")}").ConfigureAwait(false);
    }
}
