namespace SigmaSight.Service.Batches;

/// <summary>A phase is Pending until its starter planned the items, Running until the last one finished.</summary>
public enum PhaseStatus
{
    Pending,
    Running,
    Completed,
}
