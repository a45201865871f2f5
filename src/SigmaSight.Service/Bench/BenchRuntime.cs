using System.Globalization;
using System.Runtime;

namespace SigmaSight.Service.Bench;

/// <summary>The runtime settings of this process that the bench's figures depend on, in one line.</summary>
public static class BenchRuntime
{
    /// <summary>The runtimeconfig key of the thread pool's spin-wait.</summary>
    public const string SpinLimitKey = "System.Threading.ThreadPool.UnfairSemaphoreSpinLimit";

    public static string Describe()
    {
        var spin = Environment.GetEnvironmentVariable("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit")
            ?? Convert.ToString(AppContext.GetData(SpinLimitKey), CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, thread-pool spin limit " +
            $"{(string.IsNullOrEmpty(spin) ? "default" : spin)}, {Environment.ProcessorCount} cores");
    }
}
