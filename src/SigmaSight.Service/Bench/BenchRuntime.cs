using System.Globalization;
using System.Runtime;

namespace SigmaSight.Service.Bench;

/// <summary>The runtime settings of this process that the bench's figures depend on, in one line.</summary>
public static class BenchRuntime
{
    /// <summary>The runtimeconfig key of the thread pool's spin-wait.</summary>
    public const string SpinLimitKey = "System.Threading.ThreadPool.UnfairSemaphoreSpinLimit";

    /// <summary>GC mode, thread-pool spin limit, cores and, when given, the work server's Hangfire workers.</summary>
    public static string Describe(int? workers = null)
    {
        var spin = Environment.GetEnvironmentVariable("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit")
            ?? Convert.ToString(AppContext.GetData(SpinLimitKey), CultureInfo.InvariantCulture);
        var described = string.Create(CultureInfo.InvariantCulture,
            $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, thread-pool spin limit " +
            $"{(string.IsNullOrEmpty(spin) ? "default" : spin)}, {Environment.ProcessorCount} cores");
        return workers is { } count ? string.Create(CultureInfo.InvariantCulture, $"{described}, {count} Hangfire workers") : described;
    }
}
