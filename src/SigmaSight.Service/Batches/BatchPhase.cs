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
    /// <summary>
    /// Set (database clock) in the transaction of a late success of this phase, cleared by the verify that read the
    /// ledger after it: a verify lost to a crash after that commit is enqueued by the reconciler, and late successes
    /// while one is pending enqueue no verify of their own (issue 7, 1e).
    /// </summary>
    public DateTimeOffset? VerifyRequestedAt { get; set; }
}
