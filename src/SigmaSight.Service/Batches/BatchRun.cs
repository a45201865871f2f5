namespace SigmaSight.Service.Batches;

/// <summary>One batch run: a nightly run for a business date, a backfill or a recompute over a range.</summary>
public sealed class BatchRun
{
    public Guid Id { get; set; }
    public DateOnly BusinessDate { get; set; }
    public RunKind Kind { get; set; }
    /// <summary>"all", or "portfolio:&lt;id&gt;" for a run limited to one portfolio.</summary>
    public required string Scope { get; set; }
    public DateOnly RangeFrom { get; set; }
    public DateOnly RangeTo { get; set; }
    public RunStatus Status { get; set; }
    public required string RequestedBy { get; set; }
    public DateTimeOffset TriggerTime { get; set; }
    public Guid? SupersededBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? Summary { get; set; }
    /// <summary>True when phases 2 and 4 compute every trading day of the range, not only its last day.</summary>
    public bool AnalyticsAllDates { get; set; }
    /// <summary>
    /// The analytics dates fixed when phase 2 is planned: the default ones plus every earlier day whose stored
    /// analytics the run's rebuilds invalidate (<see cref="Planning.AnalyticsDates"/>); null before that.
    /// </summary>
    public DateOnly[]? PlannedAnalyticsDates { get; set; }
    /// <summary>
    /// The last figure version (<c>sigmasight.figure_versions</c>) when the run's verdict was written: the snapshots it
    /// verified are the versions valid then, which <see cref="Diff.RunDiffer"/> compares across runs.
    /// </summary>
    public long? FiguresVersion { get; set; }
    /// <summary>When retention removed the run's items, phases and findings (<see cref="Retention.RunPruner"/>); null while kept.</summary>
    public DateTimeOffset? DetailPrunedAt { get; set; }
}
