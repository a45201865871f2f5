using System.ComponentModel.DataAnnotations;
using System.Globalization;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Hosting.Validation;

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

    /// <summary>
    /// Trading days of a portfolio's chain one P&amp;L job computes, each day in its own transaction with its ledger item.
    /// A long backfill then pays one continuation hand-over per slice instead of per day; 1 is a job per day.
    /// </summary>
    [Range(1, 1_000)]
    public int PnlDaysPerJob { get; set; } = 21;

    /// <summary>
    /// Hangfire clients a phase starter creates its jobs on at once (each portfolio's chain, or risk item, on one of them).
    /// One client pays its storage round trips per job in series and falls behind the workers (issue 10).
    /// </summary>
    [Range(1, 64)]
    public int EnqueueClients { get; set; } = 4;

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
    /// Test hook of the crash trials: <c>market-data</c>, <c>pnl-transaction</c>, <c>after-commit</c>, <c>verify</c> or <c>symbol-analytics</c>
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

    /// <summary>
    /// The most trading days one run may cover (a backfill's or recompute's range): a typo such as a from-year of 1976
    /// must be refused, not fetch fifty years of closes. 5,000 is about 20 years.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxRangeTradingDays { get; set; } = 5_000;

    /// <summary>Retry delays are 0..86,400 s and at most 20; the rate is finite; polling and delays are sane.</summary>
    public static IEnumerable<string> Rules(BatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var delays = options.RetryDelaysSeconds ?? [];
        if (delays.Length > 20) yield return $"{SectionName}:{nameof(RetryDelaysSeconds)} lists {delays.Length} retries: at most 20";
        for (var i = 0; i < delays.Length; i++)
            if (delays[i] is < 0 or > 86_400)
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"{SectionName}:{nameof(RetryDelaysSeconds)}:{i} is {delays[i]}: a retry delay is 0..86400 seconds");
        if (!double.IsFinite(options.RiskFreeRate) || options.RiskFreeRate is < -0.1 or > 1)
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{SectionName}:{nameof(RiskFreeRate)} is {options.RiskFreeRate}: give a continuously compounded rate in -0.1..1 (0.04 is 4 %)");
        if (SettingRules.Positive($"{SectionName}:{nameof(WaitPollInterval)}", options.WaitPollInterval) is { } poll) yield return poll;
        if (SettingRules.NotNegative($"{SectionName}:{nameof(TestPnlDelay)}", options.TestPnlDelay) is { } delay) yield return delay;
        if (SettingRules.Positive($"{SectionName}:{nameof(StarterLease)}", options.StarterLease) is { } lease) yield return lease;
        if (options.TestPausePoint is { } point && point is not (TestPauses.MarketData or TestPauses.PnlTransaction or TestPauses.AfterCommit or TestPauses.Verify or TestPauses.SymbolAnalytics))
            yield return $"{SectionName}:{nameof(TestPausePoint)} is '{point}': one of {TestPauses.MarketData}, {TestPauses.PnlTransaction}, {TestPauses.AfterCommit}, {TestPauses.Verify}, {TestPauses.SymbolAnalytics}";
    }
}
