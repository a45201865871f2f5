namespace SigmaSight.Service.Bench;

/// <summary>
/// Core time a job over a window: the machine's (null where it cannot be read) and this process's, in milliseconds,
/// and the share of the machine's cores that was busy. On one machine with a local PostgreSQL the machine's figure is
/// what a job costs in all; our jobs against the no-op burst's says why the share of the ceiling is what it is.
/// </summary>
public sealed record CoreTime(double Jobs, double WallSeconds, double? MachineMsPerJob, double ProcessMsPerJob, double? MachineBusyShare)
{
    public static CoreTime Of(CoreSample start, CoreSample end, double jobs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(jobs);
        var busy = end.MachineBusySeconds - start.MachineBusySeconds;
        var idle = end.MachineIdleSeconds - start.MachineIdleSeconds;
        return new CoreTime(jobs, (end.At - start.At).TotalSeconds, busy * 1000 / jobs, (end.ProcessSeconds - start.ProcessSeconds) * 1000 / jobs,
            busy + idle is > 0 and var total ? busy / total : null);
    }
}

/// <summary>The core time of a no-op job in the ceiling bursts and of a phase-3/4 item in the measured run (null when it had none).</summary>
public sealed record CoreTimes(CoreTime NoOp, CoreTime? Phases34)
{
    /// <summary>The bursts' <paramref name="noOp"/>, and phases 3+4's <paramref name="window"/> read from <paramref name="cores"/>.</summary>
    public static CoreTimes Of(CoreTime noOp, CoreTimeRecorder cores, (DateTimeOffset Start, DateTimeOffset End, int Items)? window)
    {
        ArgumentNullException.ThrowIfNull(cores);
        return window is { Items: > 0 } w && cores.At(w.Start) is { } start && cores.At(w.End) is { } end
            ? new CoreTimes(noOp, CoreTime.Of(start, end, w.Items))
            : new CoreTimes(noOp, null);
    }

    /// <summary>A phase-3/4 item's core time over a no-op job's: the machine's where it was read, else this process's.</summary>
    public double? Ratio => Phases34 is not { } ours ? null
        : ours.MachineMsPerJob is { } m && NoOp.MachineMsPerJob is > 0 and var n ? m / n
        : NoOp.ProcessMsPerJob > 0 ? ours.ProcessMsPerJob / NoOp.ProcessMsPerJob : null;
}
