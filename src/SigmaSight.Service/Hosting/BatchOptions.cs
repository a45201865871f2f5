using System.ComponentModel.DataAnnotations;

namespace SigmaSight.Service.Hosting;

/// <summary>How runs are planned and retried.</summary>
public sealed class BatchOptions
{
    public const string SectionName = "Batch";

    /// <summary>Symbols per market-data job.</summary>
    [Range(1, 10_000)]
    public int ChunkSize { get; set; } = 200;

    /// <summary>
    /// Delays of the automatic retries of a transient failure; the count is the number of retries. Null means
    /// 10, 60, 300 s (a default here would be appended to, not replaced by, configured values).
    /// </summary>
    public int[]? RetryDelaysSeconds { get; set; }

    /// <summary>The configured retry delays, or the default three.</summary>
    public IReadOnlyList<int> EffectiveRetryDelays => RetryDelaysSeconds ?? [10, 60, 300];

    /// <summary>Trading days of prices loaded before the first date of a run (option volatility needs 63 returns).</summary>
    [Range(70, 5_000)]
    public int LookbackTradingDays { get; set; } = 300;

    /// <summary>A close at most this many trading days old values a position (recorded as stale).</summary>
    [Range(0, 30)]
    public int StaleWindowTradingDays { get; set; } = 5;

    /// <summary>Continuously compounded risk-free rate of the option valuation.</summary>
    public double RiskFreeRate { get; set; } = 0.04;

    /// <summary>How often a waiting CLI verb polls the run's status.</summary>
    public TimeSpan WaitPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long a phase starter's right to enqueue lasts without renewal (it renews between batches of jobs). A starter
    /// killed mid-enqueue holds it this long; then the reconciler's starter takes over (issue 7, 1d).
    /// </summary>
    public TimeSpan StarterLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Test hook of the crash trials: <c>market-data</c>, <c>pnl-transaction</c>, <c>after-commit</c> or <c>verify</c>
    /// (see <c>TestPauses</c>); null (the default) means none.
    /// </summary>
    public string? TestPausePoint { get; set; }

    /// <summary>Test hook: which arrival at <see cref="TestPausePoint"/> in this process is held (1 = the first).</summary>
    [Range(1, 1_000_000)]
    public int TestPauseAtHit { get; set; } = 1;

    /// <summary>Test hook: how long the job at <see cref="TestPausePoint"/> is held.</summary>
    public TimeSpan TestPause { get; set; } = TimeSpan.Zero;

    /// <summary>Test hook: delays each phase starter after it took the enqueue lease, before it enqueues. Zero: none.</summary>
    public TimeSpan TestStarterDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Test hook: delays each P&amp;L job before its transaction, so a test can kill a host while it provably holds a
    /// Processing phase-3 job. Zero (the default) means no delay.
    /// </summary>
    public TimeSpan TestPnlDelay { get; set; } = TimeSpan.Zero;
}
