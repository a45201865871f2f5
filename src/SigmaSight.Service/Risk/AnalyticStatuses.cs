namespace SigmaSight.Service.Risk;

/// <summary>The values of <see cref="AnalyticResult.Status"/> (checked by the database).</summary>
public static class AnalyticStatuses
{
    public const string Present = "present";
    public const string NotApplicable = "not_applicable";
    public const string InsufficientHistory = "insufficient_history";
    public const string Failed = "failed";
}
