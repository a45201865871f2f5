using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Hosting.Security;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Cli;

/// <summary>Prints runs, their phases and their unsuccessful items as plain tables.</summary>
public static class StatusPrinter
{
    /// <summary>Reads one run (<see cref="RunStatusView"/>, links under <paramref name="links"/> or the default URL) and prints it.</summary>
    public static async Task PrintRunAsync(SigmaSightDbContext db, Guid runId, TextWriter output, CancellationToken cancellationToken,
        DashboardLinks? links = null)
    {
        var view = await RunStatusView.ReadAsync(db, runId, links ?? new DashboardLinks(new Uri(DashboardSecurityOptions.DefaultPublicUrl)),
            cancellationToken).ConfigureAwait(false);
        await PrintRunAsync(view, output).ConfigureAwait(false);
    }

    /// <summary>One run as plain lines: its header, a line per phase, its unsuccessful items with their job, its findings.</summary>
    public static async Task PrintRunAsync(RunStatusView view, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(output);
        var (run, inv) = (view.Run, CultureInfo.InvariantCulture);
        var took = run.DurationSeconds is { } seconds ? string.Create(inv, $"took {seconds:0.0}s") : "running";
        await output.WriteLineAsync(string.Create(inv,
            $"run {run.Id}  {run.Kind}  {run.RangeFrom:yyyy-MM-dd}..{run.RangeTo:yyyy-MM-dd}  status {run.Status}  {took}")).ConfigureAwait(false);
        await output.WriteLineAsync($"  {"phase",-20} {"status",-20} {"done",6} {"expected",8} {"failed",7} {"blocked",8} {"took",8}").ConfigureAwait(false);
        foreach (var p in view.Phases)
            await output.WriteLineAsync(string.Create(inv, $"  {p.Name,-20} {p.Status,-20} {p.Done,6} {p.Expected,8} " +
                $"{p.Failed,7} {p.Blocked,8} {Seconds(p.DurationSeconds),8}")).ConfigureAwait(false);
        foreach (var i in view.Unsuccessful)
            await output.WriteLineAsync($"  {i.Status,-8} {i.ItemKey}  {i.Error}{(i.JobUrl is { } url ? $"  job: {url}" : "")}").ConfigureAwait(false);
        if (view.UnsuccessfulCount > view.Unsuccessful.Count)
            await output.WriteLineAsync(string.Create(inv, $"  … {view.UnsuccessfulCount - view.Unsuccessful.Count} more unsuccessful item(s): {view.RunUrl}"))
                .ConfigureAwait(false);
        if (view.FindingCount > 0)
            await output.WriteLineAsync(string.Create(inv, $"  data quality: {view.FindingCount} finding(s)") +
                (view.FindingCount > view.Findings.Count ? string.Create(inv, $", the {view.Findings.Count} most severe:") : ":")).ConfigureAwait(false);
        foreach (var f in view.Findings)
            await output.WriteLineAsync($"  {f.Severity,-8} {f.Kind,-20} {f.BusinessDate:yyyy-MM-dd} {f.Symbol,-8} {f.Detail}").ConfigureAwait(false);
        if (run.Summary is not null) await output.WriteLineAsync($"  summary: {run.Summary}").ConfigureAwait(false);
        if (run.DetailPrunedAt is { } pruned)
            await output.WriteLineAsync($"  retention pruned this run's items, phases and findings on {pruned:yyyy-MM-dd} (Retention:KeepDays)")
                .ConfigureAwait(false);
        await output.WriteLineAsync($"  dashboard: {view.RunUrl}").ConfigureAwait(false);
    }

    private static string Seconds(double? seconds) =>
        seconds is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) + "s" : "-";

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

    private static string Took(BatchRun run) => Seconds((run.FinishedAt - run.StartedAt)?.TotalSeconds);
}
