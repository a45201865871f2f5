namespace SigmaSight.Service.Batches;

/// <summary>
/// A phase is Pending until its starter planned the items, Running until the last one finished, then Completed when
/// every item succeeded or CompletedWithErrors when any failed or was blocked (a late success can lift it).
/// </summary>
public enum PhaseStatus
{
    Pending,
    Running,
    Completed,
    CompletedWithErrors,
}

/// <summary>Helpers over <see cref="PhaseStatus"/>.</summary>
public static class PhaseStatuses
{
    /// <summary>Every item of the phase is finished (with or without errors).</summary>
    public static bool IsFinished(this PhaseStatus status) => status is PhaseStatus.Completed or PhaseStatus.CompletedWithErrors;
}
