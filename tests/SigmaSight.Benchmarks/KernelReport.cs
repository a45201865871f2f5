using System.Globalization;
using BenchmarkDotNet.Environments;
using BenchmarkDotNet.Reports;

namespace SigmaSight.Benchmarks;

/// <summary>Prints each kernel's mean and allocation beside its target, as a Markdown table, and decides the exit code.</summary>
internal static class KernelReport
{
    /// <summary>Writes the table; returns 0 when every kernel that ran has figures and meets its target, else 1.</summary>
    public static int Print(IEnumerable<Summary> summaries, TextWriter output)
    {
        var all = summaries.ToList();
        var reports = all.SelectMany(s => s.Reports)
            .ToDictionary(r => $"{r.BenchmarkCase.Descriptor.Type.Name}.{r.BenchmarkCase.Descriptor.WorkloadMethod.Name}", StringComparer.Ordinal);
        var failed = all.Any(s => s.HasCriticalValidationErrors);

        output.WriteLine();
        output.WriteLine("Kernel figures: mean and allocation of one operation, all from this run.");
        output.WriteLine(HostEnvironmentInfo.GetInformation().TrimEnd());
        output.WriteLine();
        output.WriteLine("| kernel (one operation) | mean | allocated | target | headroom | result |");
        output.WriteLine("|---|---:|---:|---:|---:|---|");
        foreach (var kernel in Kernel.All)
        {
            var (row, ok) = Row(kernel, reports.GetValueOrDefault(kernel.Benchmark));
            output.WriteLine(row);
            failed |= !ok;
        }

        output.WriteLine();
        output.WriteLine(failed ? "bench: FAIL (a target was missed or a benchmark did not run cleanly)" : "bench: PASS");
        return failed ? 1 : 0;
    }

    private static (string Row, bool Ok) Row(Kernel kernel, BenchmarkReport? report)
    {
        var target = kernel.Limit is { } limit ? "< " + Time(limit.TotalNanoseconds) : "–";
        if (report is null) return ($"| {kernel.Operation} | – | – | {target} | – | not run (filtered out) |", true);
        if (report.ResultStatistics is not { } statistics) return ($"| {kernel.Operation} | – | – | {target} | – | FAIL: no result |", false);

        var mean = statistics.Mean;
        var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) is { } bytes ? Bytes(bytes) : "?";
        if (kernel.Limit is not { } goal) return ($"| {kernel.Operation} | {Time(mean)} | {allocated} | – | – | – |", true);

        var pass = mean < goal.TotalNanoseconds;
        var headroom = Invariant($"{goal.TotalNanoseconds / mean:0.0}×");
        return ($"| {kernel.Operation} | {Time(mean)} | {allocated} | {target} | {headroom} | {(pass ? "PASS" : "FAIL")} |", pass);
    }

    private static string Time(double nanoseconds) => nanoseconds switch
    {
        < 1e3 => Invariant($"{nanoseconds:0.0} ns"),
        < 1e6 => Invariant($"{nanoseconds / 1e3:0.00} µs"),
        < 1e9 => Invariant($"{nanoseconds / 1e6:0.00} ms"),
        _ => Invariant($"{nanoseconds / 1e9:0.00} s"),
    };

    private static string Bytes(long bytes) => bytes switch
    {
        < 1024 => Invariant($"{bytes} B"),
        < 1024 * 1024 => Invariant($"{bytes / 1024.0:0.0} KiB"),
        _ => Invariant($"{bytes / (1024.0 * 1024.0):0.0} MiB"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
