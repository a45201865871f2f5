using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace SigmaSight.Service.Bench;

/// <summary>Methods this process has JIT-compiled and the time it spent compiling them (<see cref="JitInfo"/>).</summary>
public readonly record struct JitCount(long Methods, TimeSpan Time)
{
    public static JitCount Now() => new(JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());

    /// <summary>What was compiled between <paramref name="earlier"/> and this count.</summary>
    public JitCount Since(JitCount earlier) => new(Methods - earlier.Methods, Time - earlier.Time);
}

/// <summary>
/// Waits for this process's JIT to settle before the bench measures. A fresh process keeps compiling for a while after
/// the warm-up night: tiered compilation promotes the methods the night called often to optimised code in the
/// background, and on two cores that took about a tenth of the machine through the ceiling bursts and the measured
/// night (session 16: about 5,600 methods compiled during the bursts and 4,100 during the night). A host that serves
/// night after night has compiled them long before; the bench measures that steady state, and says how much was
/// still compiled while it measured.
/// </summary>
public static class JitSettle
{
    /// <summary>No method compiled for this long: settled.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    /// <summary>Never waits longer than this.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>Waits until no method has been compiled for <see cref="Quiet"/> (at most <see cref="Limit"/>); returns seconds waited.</summary>
    public static async Task<double> WaitAsync(string before, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var clock = Stopwatch.StartNew();
        var start = JitCount.Now();
        var last = start;
        var quietSince = TimeSpan.Zero;
        while (clock.Elapsed < Limit && clock.Elapsed - quietSince < Quiet)
        {
            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
            var now = JitCount.Now();
            if (now.Methods == last.Methods) continue;
            last = now;
            quietSince = clock.Elapsed;
        }
        var compiled = last.Since(start);
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"bench: JIT settled before {before} in {clock.Elapsed.TotalSeconds:F1} s ({compiled.Methods} methods compiled meanwhile" +
            $"{(clock.Elapsed >= Limit ? $"; gave up after {Limit.TotalSeconds:F0} s" : "")})")).ConfigureAwait(false);
        return clock.Elapsed.TotalSeconds;
    }
}
