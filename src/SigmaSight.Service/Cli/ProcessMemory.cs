using System.Globalization;

namespace SigmaSight.Service.Cli;

/// <summary>The process's peak resident set size (VmHWM of /proc/self/status, Linux only).</summary>
public static class ProcessMemory
{
    /// <summary>Peak RSS in bytes, or null where /proc is not available.</summary>
    public static long? PeakResidentBytes()
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path)) return null;
        foreach (var line in File.ReadLines(path))
        {
            if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
            var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
            return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
        }
        return null;
    }
}
