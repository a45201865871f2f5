using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigmaSight.Service.Bench;

/// <summary>Prints a bench report as text and writes it as JSON.</summary>
public static class BenchPrinter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task PrintAsync(BenchReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var run = report.Run;
        var lines = new List<string>
        {
            $"bench: {report.RunKind} {report.RangeFrom:yyyy-MM-dd}..{report.RangeTo:yyyy-MM-dd} on {report.Database}: {run.Status} in {run.WallSeconds:F1} s" +
                (run.Summary is { Length: > 0 } summary ? $" ({summary})" : ""),
            $"  seed: {report.Seed.Symbols} symbols x {report.Seed.Days} days, {report.Seed.Portfolios} portfolios, {report.Seed.Lots} lots in {report.Seed.Seconds:F1} s",
        };
        lines.AddRange(report.WarmUps.Select((warm, i) =>
            $"  warm-up nightly {i + 1} of {report.WarmUps.Count}: {warm.Status} in {warm.WallSeconds:F1} s, {warm.LedgerItems} items"));
        lines.AddRange(run.Phases.Select(p => $"  phase {p.Phase} {p.Name}: {p.Items} items, {Seconds(p.Seconds)} ({p.Status})"));
        lines.Add($"  jobs: {run.LedgerItems} ledger items, {run.HangfireJobs} Hangfire jobs, {run.JobsPerSecond:F1} jobs/s over the run");
        lines.Add($"  ceiling: {report.Ceiling.Jobs} no-op jobs in {report.Ceiling.WallSeconds:F1} s = {report.Ceiling.JobsPerSecond:F1} jobs/s " +
            $"(enqueued in {report.Ceiling.EnqueueSeconds:F1} s)" + (report.CeilingBursts.Count > 1
                ? $", the median of {report.CeilingBursts.Count} bursts: {string.Join(", ", report.CeilingBursts.Select(b => $"{b.JobsPerSecond:F1}"))} jobs/s"
                : ""));
        lines.Add($"  phases 3+4: {report.Phase34JobsPerSecond:F1} jobs/s = {report.Phase34RatioOfCeiling:P0} of the ceiling" + Pace(report));
        if (report.CoreTime is { } cores) lines.Add(CoreLine(cores));
        if (report.DayCost is { } cost)
            lines.Add($"  P&L day cost over {cost.Dates} dates ({cost.Items} portfolio-days): first tenth {cost.FirstTenthMs:F1} ms, " +
                $"middle tenth {cost.MiddleTenthMs:F1} ms, last tenth {cost.LastTenthMs:F1} ms; last/first {cost.LastOverFirst:F2}");
        if (report.Jit is { } jit)
            lines.Add($"  JIT: {jit.DuringRun.Methods} methods compiled in {jit.DuringRun.Time.TotalSeconds:F2} s during the measured run, " +
                $"{jit.DuringCeiling.Methods} in {jit.DuringCeiling.Time.TotalSeconds:F2} s during the ceiling bursts; " +
                (report.Settings.JitSettle ? $"waited {jit.SettleSeconds:F1} s in all for it to settle before them" : "not waited for (--no-jit-settle)"));
        lines.Add($"  runtime: {report.Runtime}");
        lines.Add($"  server: {report.Server}");
        lines.Add($"  peak RSS: {(report.PeakRssBytes is { } rss ? $"{rss / 1048576.0:F0} MB" : "n/a")}; load average before {report.LoadAverageBefore ?? "n/a"}, after {report.LoadAverageAfter ?? "n/a"}");
        if (report.Settings.Hosts > 1)
            lines.Add($"  hosts: {report.Settings.Hosts} (this process and {report.Settings.Hosts - 1} serve process(es)" +
                $"{(report.Settings.WorkerQueues is { Count: > 0 } queues ? $" on {string.Join(",", queues)}" : "")}); their peak RSS: " +
                $"{(report.WorkerHostPeakRssBytes.Count > 0 ? string.Join(", ", report.WorkerHostPeakRssBytes.Select(b => $"{b / 1048576.0:F0} MB")) : "n/a")}");
        lines.AddRange(report.CommandsPerJob.Select(c =>
            $"  db commands per {c.JobKind}: mean {c.Mean:F1}, max {c.Max} over {c.Jobs} job(s) of {c.Items} item(s), at most {c.MaxPerItem} per item " +
            $"(Hangfire storage: mean {c.StorageMean:F1}, max {c.StorageMax})"));
        if (report.ApiLoad is { } load)
        {
            lines.Add($"  api: {load.Reads} reads by {load.Clients} clients, {load.Errors} errors, p50 {load.P50Ms:F1} ms, p95 {load.P95Ms:F1} ms, " +
                $"p99 {load.P99Ms:F1} ms, max {load.MaxMs:F1} ms, {load.ReadsPerSecond:F0} reads/s");
            lines.AddRange(load.ErrorSamples.Select(e => $"    error: {e}"));
        }
        lines.AddRange(report.OtherRuns.Select(r => $"  NOT VALID: another run shared the bench database and its workers: {r}"));
        foreach (var line in lines) await output.WriteLineAsync(Text(line)).ConfigureAwait(false);
    }

    public static async Task WriteJsonAsync(object report, string path, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, report, report.GetType(), Json, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// " (55 %–101 % of the 3 bursts; P&amp;L 160.9 items/s, then risk 135.4 items/s)" (the range only when there were several
    /// bursts), or nothing without a pace.
    /// </summary>
    private static string Pace(BenchReport report) => report.Pace is not { } pace ? "" :
        " (" + (report.CeilingBursts.Count > 1 ? Text($"{pace.LowestShare:P0}–{pace.HighestShare:P0} of the {report.CeilingBursts.Count} bursts; ") : "") +
        Text($"P&L {pace.PnlItemsPerSecond:F1} items/s") + (pace.RiskItemsPerSecond is { } risk ? Text($", then risk {risk:F1} items/s)") : ")");

    /// <summary>
    /// "  core time: 13.4 ms a phase-3/4 item (this process 5.4 ms), 8.3 ms a no-op job (this process 3.1 ms): 1.61 ×; the
    /// machine 99 % and 98 % busy", or this process's figures alone where the machine's cannot be read.
    /// </summary>
    internal static string CoreLine(CoreTimes cores)
    {
        var (noOp, ours) = (cores.NoOp, cores.Phases34);
        var ratio = cores.Ratio is { } r ? Text($": {r:F2} ×") : "";
        if (noOp.MachineMsPerJob is { } noOpMs && ours?.MachineMsPerJob is { } oursMs)
            return Text($"  core time: {oursMs:F1} ms a phase-3/4 item (this process {ours.ProcessMsPerJob:F1} ms), {noOpMs:F1} ms a no-op job ") +
                Text($"(this process {noOp.ProcessMsPerJob:F1} ms){ratio}; the machine {ours.MachineBusyShare:P0} and {noOp.MachineBusyShare:P0} busy");
        return Text($"  core time of this process: ") + (ours is null ? "" : Text($"{ours.ProcessMsPerJob:F1} ms a phase-3/4 item, ")) +
            Text($"{noOp.ProcessMsPerJob:F1} ms a no-op job{ratio}");
    }

    private static string Seconds(double? seconds) => seconds is { } s ? Text($"{s:F1} s") : "not run";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Text(string text) => text;
}

/// <summary>The two runs of <c>--compare-load</c> and the loaded run's wall time as a multiple of the quiet one's.</summary>
public sealed record LoadComparison(BenchReport Quiet, BenchReport Loaded, double Slowdown);
