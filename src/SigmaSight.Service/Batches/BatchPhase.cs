namespace SigmaSight.Service.Batches;

/// <summary>The ledger row of one phase of a run: the fan-in counter.</summary>
public sealed class BatchPhase
{
    public Guid RunId { get; set; }
    public int Phase { get; set; }
    public required string Name { get; set; }
    public int Expected { get; set; }
    public int Remaining { get; set; }
    public PhaseStatus Status { get; set; }
    public string? StarterJobId { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>The starter invocation that holds the right to enqueue this phase's items (issue 7, 1d), while its lease lasts.</summary>
    public Guid? EnqueueOwner { get; set; }
    /// <summary>When the enqueue lease ends, on the database's clock; a starter renews it while it works.</summary>
    public DateTimeOffset? EnqueueLeaseUntil { get; set; }
}
