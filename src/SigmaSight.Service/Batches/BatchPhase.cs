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
}
