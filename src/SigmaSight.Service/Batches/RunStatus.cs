namespace SigmaSight.Service.Batches;

/// <summary>A run's status; only <see cref="Completed"/> means every expected row was verified.</summary>
public enum RunStatus
{
    Running,
    Completed,
    CompletedWithErrors,
    Failed,
}
