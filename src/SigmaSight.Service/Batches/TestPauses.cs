using Microsoft.Extensions.Options;
using SigmaSight.Service.Hosting;

namespace SigmaSight.Service.Batches;

/// <summary>
/// Test hook of the crash trials (issue 7, point 2): holds the job that reaches <see cref="BatchOptions.TestPausePoint"/>
/// for the <see cref="BatchOptions.TestPauseAtHit"/>-th time in this process, for <see cref="BatchOptions.TestPause"/>,
/// after logging a warning a test can wait for before it kills the host. Unconfigured (the default) it does nothing.
/// </summary>
public sealed partial class TestPauses(IOptions<BatchOptions> options, TimeProvider time, ILogger<TestPauses> logger)
{
    public const string MarketData = "market-data";
    public const string PnlTransaction = "pnl-transaction";
    public const string AfterCommit = "after-commit";
    public const string Verify = "verify";
    public const string SymbolAnalytics = "symbol-analytics";

    private int _hits;

    public async Task AtAsync(string point, string detail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.TestPausePoint != point || settings.TestPause <= TimeSpan.Zero) return;
        if (Interlocked.Increment(ref _hits) != settings.TestPauseAtHit) return;
        LogPaused(logger, point, detail);
        await Task.Delay(settings.TestPause, time, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1901, Level = LogLevel.Warning, Message = "TEST PAUSE at {Point}: {Detail}")]
    private static partial void LogPaused(ILogger logger, string point, string detail);
}
