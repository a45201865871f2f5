namespace SigmaSight.Service.Batches;

/// <summary>A run's status; only <see cref="Completed"/> means every expected row was verified.</summary>
public enum RunStatus
{
    Running,
    Completed,
    CompletedWithErrors,
    Failed,
    /// <summary>A forced or catch-up run took over before this one finished; its remaining jobs do nothing.</summary>
    Superseded,
}
