namespace SigmaSight.Service.Batches.Planning;

/// <summary>The business date whose analytics (phases 2 and 4) a run computes: the last date of its range.</summary>
public static class AnalyticsDates
{
    public static DateOnly Of(BatchRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.RangeTo;
    }
}
