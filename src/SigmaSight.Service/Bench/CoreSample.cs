using System.Globalization;

namespace SigmaSight.Service.Bench;

/// <summary>
/// CPU time at one moment: the machine's busy and idle seconds summed over its cores (Linux's <c>/proc/stat</c>, so
/// PostgreSQL's processes count when the server is local; null elsewhere) and this process's own.
/// </summary>
public readonly record struct CoreSample(DateTimeOffset At, double? MachineBusySeconds, double? MachineIdleSeconds, double ProcessSeconds)
{
    private const string ProcStat = "/proc/stat";

    /// <summary>Linux's USER_HZ: <c>/proc/stat</c> counts hundredths of a second on every architecture .NET runs on.</summary>
    private const double TicksPerSecond = 100;

    public static CoreSample Take(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var machine = File.Exists(ProcStat) ? ParseProcStat(File.ReadLines(ProcStat).First()) : null;
        return new CoreSample(clock.GetUtcNow(), machine?.Busy, machine?.Idle, Environment.CpuUsage.TotalTime.TotalSeconds);
    }

    /// <summary>
    /// Busy (user, nice, system, irq, softirq) and idle (idle, iowait) seconds of the <c>cpu</c> line of <c>/proc/stat</c>;
    /// steal is time the machine did not get, so neither. Null for any other line.
    /// </summary>
    public static (double Busy, double Idle)? ParseProcStat(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 8 || fields[0] != "cpu") return null;
        var ticks = fields.Skip(1).Take(7).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var (user, nice, system, idle, iowait, irq, softirq) = (ticks[0], ticks[1], ticks[2], ticks[3], ticks[4], ticks[5], ticks[6]);
        return ((user + nice + system + irq + softirq) / TicksPerSecond, (idle + iowait) / TicksPerSecond);
    }

    /// <summary>The sample at <paramref name="at"/>, interpolated linearly between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static CoreSample Between(CoreSample before, CoreSample after, DateTimeOffset at)
    {
        var span = (after.At - before.At).TotalSeconds;
        var f = span > 0 ? (at - before.At).TotalSeconds / span : 0;
        double? Mix(double? a, double? b) => a is { } x && b is { } y ? x + (y - x) * f : null;
        return new CoreSample(at, Mix(before.MachineBusySeconds, after.MachineBusySeconds), Mix(before.MachineIdleSeconds, after.MachineIdleSeconds),
            before.ProcessSeconds + (after.ProcessSeconds - before.ProcessSeconds) * f);
    }
}
