using SigmaSight.Service.Api;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Verification;
using SigmaSight.Service.Cli;

namespace SigmaSight.UnitTests.Cli;

/// <summary>A run with a failed P&amp;L item, a blocked one and a finding, as the CLI's views carry it.</summary>
internal static class CliSamples
{
    public static readonly Guid RunId = Guid.Parse("01a2363e-1ca0-71c0-a7f1-b193fe0ab08b");
    public static readonly DateTimeOffset Start = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    public static BatchRun Run(RunStatus status) => new()
    {
        Id = RunId, Kind = RunKind.Backfill, Scope = "all", RequestedBy = "cli", Status = status,
        BusinessDate = new(2026, 12, 1), RangeFrom = new(2026, 11, 16), RangeTo = new(2026, 12, 1),
        TriggerTime = Start, CreatedAt = Start, StartedAt = Start,
        FinishedAt = status == RunStatus.Running ? null : Start.AddSeconds(45.2), Summary = status == RunStatus.Running ? null : "4 of 5 portfolios verified",
    };

    public static PhaseCounts Phase(int phase, PhaseStatus status, int expected, int done, int failed = 0, int blocked = 0) =>
        new(phase, BatchPhases.Name(phase), status, expected, done, done - failed - blocked, failed, blocked,
            status == PhaseStatus.Pending ? null : Start, status.IsFinished() ? Start.AddSeconds(phase * 2.5) : null);

    public static IReadOnlyList<PhaseCounts> FinishedPhases() =>
    [
        Phase(1, PhaseStatus.Completed, 1, 1), Phase(2, PhaseStatus.Completed, 1, 1),
        Phase(3, PhaseStatus.CompletedWithErrors, 305, 305, failed: 1, blocked: 11), Phase(4, PhaseStatus.CompletedWithErrors, 5, 5, blocked: 1),
        Phase(5, PhaseStatus.Completed, 1, 1),
    ];

    public static RunStatusView StatusView()
    {
        var failed = new ItemView(3, "pnl:beta:2026-11-16", ItemStatus.Failed, 3, "no close for POISON on 2026-11-16", "4711",
            "https://batch.example.test/ops/hangfire/jobs/details/4711", null, new(2026, 11, 16), false, Start, Start.AddSeconds(3));
        var blocked = failed with { ItemKey = "pnl:beta:2026-11-17", Status = ItemStatus.Blocked, Error = "blocked by pnl:beta:2026-11-16", HangfireJobId = null, JobUrl = null };
        return new RunStatusView(RunView.Of(Run(RunStatus.CompletedWithErrors)), $"https://batch.example.test/ops/hangfire/runs/{RunId}",
            FinishedPhases(), 13, [failed, blocked], 1,
            [new FindingView("stale", "warning", new(2026, 11, 20), "AAPL", null, "close of 2026-11-19 used")]);
    }
}
