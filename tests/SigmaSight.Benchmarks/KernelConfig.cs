using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace SigmaSight.Benchmarks;

/// <summary>The one job every kernel runs with: short enough for a few minutes on 2 cores, long enough for a stable mean.</summary>
internal static class KernelConfig
{
    /// <summary>One launch, 3 warm-up and 10 measured iterations, one summary for all kernels.</summary>
    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.Default.WithId("Kernels").WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10))
        .WithOptions(ConfigOptions.JoinSummary);
}
