namespace SigmaSight.Service.Batches.Retention;

/// <summary>What a retention pass removed (or, on a dry run, would remove).</summary>
public sealed record PruneResult(
    DateTimeOffset Cutoff, bool DryRun, int Runs, int Items, int Phases, int Findings, int ArchivedSnapshots,
    IReadOnlyList<string> LeftoverJobs)
{
    public string Describe() =>
        $"{(DryRun ? "would prune" : "pruned")} the ledger detail of {Runs} run(s) finished before {Cutoff:yyyy-MM-dd HH:mm}Z " +
        $"({Items} item(s), {Phases} phase(s), {Findings} finding(s)), {ArchivedSnapshots} archived snapshot(s), and " +
        $"{(DryRun ? "would delete" : "deleted")} {LeftoverJobs.Count} Hangfire job(s) left Failed, Awaiting or Scheduled by those runs";
}
