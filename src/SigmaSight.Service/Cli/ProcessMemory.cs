using System.Globalization;

namespace SigmaSight.Service.Cli;

/// <summary>The process's peak resident set size (VmHWM of /proc/self/status) and the machine's load, Linux only.</summary>
public static class ProcessMemory
{
    /// <summary>Peak RSS in bytes, or null where /proc is not available.</summary>
    public static long? PeakResidentBytes() => PeakResidentBytes("/proc/self/status");

    /// <summary>Another process's peak RSS in bytes, or null where /proc or the process is not available.</summary>
    public static long? PeakResidentBytes(int processId) =>
        PeakResidentBytes(string.Create(CultureInfo.InvariantCulture, $"/proc/{processId}/status"));

    private static long? PeakResidentBytes(string path)
    {
        if (!File.Exists(path)) return null;
        foreach (var line in File.ReadLines(path))
        {
            if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
            var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
            return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
        }
        return null;
    }

    /// <summary>The machine's 1, 5 and 15-minute load averages (/proc/loadavg), or null where /proc is not available.</summary>
    public static string? LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ').Take(3)) : null;
    }
}
