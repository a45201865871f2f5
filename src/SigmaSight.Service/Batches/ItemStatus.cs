namespace SigmaSight.Service.Batches;

/// <summary>Succeeded, Failed and Blocked are finished: moving into one of them decrements the phase once.</summary>
public enum ItemStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,
    Blocked,
}
