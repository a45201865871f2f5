using SigmaSight.Service.Batches;

namespace SigmaSight.Service.Cli;

/// <summary>Exit codes: 0 only when the run completed without errors.</summary>
public static class ExitCodes
{
    public const int Completed = 0;
    public const int CompletedWithErrors = 1;
    public const int Failed = 2;
    public const int Error = 3;
    public const int TimedOut = 4;
    public const int Usage = 64;
    /// <summary>PostgreSQL cannot be used: not running, unreachable, no such database or login refused (sysexits EX_UNAVAILABLE).</summary>
    public const int DatabaseUnavailable = 69;

    public static int Of(RunStatus status) => status switch
    {
        RunStatus.Completed => Completed,
        RunStatus.CompletedWithErrors => CompletedWithErrors,
        _ => Failed,
    };
}
