namespace SigmaSight.Service.Batches;

/// <summary>What started a run.</summary>
public enum RunKind
{
    Nightly,
    Backfill,
    Recompute,
}
