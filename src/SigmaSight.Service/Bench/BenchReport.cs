namespace SigmaSight.Service.Bench;

/// <summary>What one bench measured (written as JSON with <c>--json</c>).</summary>
public sealed record BenchReport(
    BenchSettings Settings,
    string Database,
    DateOnly BusinessDate,
    string RunKind,
    DateOnly RangeFrom,
    DateOnly RangeTo,
    SeedResult Seed,
    IReadOnlyList<RunFigures> WarmUps,
    CeilingResult Ceiling,
    RunFigures Run,
    double Phase34JobsPerSecond,
    double Phase34RatioOfCeiling,
    long? PeakRssBytes,
    IReadOnlyList<CommandCounts> CommandsPerJob,
    ApiLoadResult? ApiLoad,
    string? LoadAverageBefore,
    string? LoadAverageAfter,
    IReadOnlyList<long> WorkerHostPeakRssBytes)
{
    /// <summary>Every ceiling burst in the order run; <see cref="Ceiling"/> is their median by jobs/s.</summary>
    public IReadOnlyList<CeilingResult> CeilingBursts { get; init; } = [];

    /// <summary>Phases 3 and 4 against each burst, and each phase's own rate (null when phase 3 did not run).</summary>
    public PhasePace? Pace { get; init; }

    /// <summary>Core time a no-op job of the bursts and a phase-3/4 item of the measured run, and the second over the first.</summary>
    public CoreTimes? CoreTime { get; init; }

    /// <summary>JIT compilation during the ceiling bursts and the measured run, and the seconds waited for it to settle.</summary>
    public JitFigures? Jit { get; init; }

    /// <summary>A backfill's P&amp;L day cost early, midway and late in its range (null for a nightly).</summary>
    public PnlDayCost? DayCost { get; init; }

    /// <summary>The process's garbage collector, thread-pool spinning, cores and workers: they move every figure above.</summary>
    public string Runtime { get; init; } = BenchRuntime.Describe();

    /// <summary>The database server's version, shared buffers and huge pages (<see cref="BenchDatabase.DescribeServerAsync"/>).</summary>
    public string Server { get; init; } = "";

    /// <summary>Runs in the bench database that the bench did not start (none in a valid bench; see <see cref="RunLedger.OtherRunsAsync"/>).</summary>
    public IReadOnlyList<string> OtherRuns { get; init; } = [];

    /// <summary>The bench succeeded: the run Completed, no API read erred and no other run shared the database.</summary>
    public bool Passed => Run.Status == "Completed" && ApiLoad is not { Errors: > 0 } && OtherRuns.Count == 0;
}

/// <summary>How the bench database was filled: symbols, days, portfolios, lots, rows copied and seconds.</summary>
public sealed record SeedResult(int Symbols, int Days, int Portfolios, int Lots, long Rows, double Seconds);

/// <summary>One run through Hangfire: status, wall time, phases, ledger items and Hangfire jobs.</summary>
public sealed record RunFigures(
    Guid RunId,
    string Status,
    string? Summary,
    double WallSeconds,
    IReadOnlyList<PhaseFigures> Phases,
    int LedgerItems,
    long HangfireJobs,
    double JobsPerSecond);

/// <summary>One phase's items and wall time (from batch_phases started/finished).</summary>
public sealed record PhaseFigures(int Phase, string Name, string Status, int Items, double? Seconds);

/// <summary>The bench's parameters.</summary>
public sealed record BenchSettings(
    int Portfolios,
    int Positions,
    int? Days,
    int Symbols,
    int Seed,
    int ApiReads,
    int ApiConcurrency,
    int CeilingJobs,
    int TimeoutMinutes,
    int Hosts = 1,
    IReadOnlyList<string>? WorkerQueues = null,
    int CeilingBursts = HangfireCeiling.DefaultBursts,
    bool JitSettle = true,
    int WarmUpNights = BenchSettings.DefaultWarmUpNights)
{
    /// <summary>Warm-up nightlies a nightly bench runs before the measured one unless told otherwise (<c>--warm-up-nights</c>).</summary>
    public const int DefaultWarmUpNights = 1;
}

/// <summary>
/// Methods compiled (and compile time) during the ceiling bursts and during the measured run, and the seconds the bench
/// waited before them for the JIT to settle (<see cref="Bench.JitSettle"/>; 0 with <c>--no-jit-settle</c>).
/// </summary>
public sealed record JitFigures(JitCount DuringCeiling, JitCount DuringRun, double SettleSeconds);
