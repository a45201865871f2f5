using SigmaSight.Service.Batches;

namespace SigmaSight.UnitTests.Cli;

/// <summary>The plain progress lines of run, backfill and recompute when the output is not a terminal.</summary>
public sealed class PlainRunProgressTests
{
    [Fact]
    public void Line_ShowsEachPhasesDoneOfExpected_PendingPhases_AndFailuresWhenThereAreAny() =>
        PlainRunProgress.Line(
        [
            CliSamples.Phase(1, PhaseStatus.Completed, 3, 3), CliSamples.Phase(3, PhaseStatus.Running, 305, 120, failed: 2, blocked: 4),
            CliSamples.Phase(4, PhaseStatus.Running, 5, 1, blocked: 1), CliSamples.Phase(5, PhaseStatus.Pending, 0, 0),
        ]).Should().Be("market data: 3/3  P&L and snapshot: 120/305 (2 failed, 4 blocked)  portfolio risk: 1/5 (0 failed, 1 blocked)  verify: pending");

    [Fact]
    public async Task ShowAsync_PrintsAChangedLineAtMostOncePerInterval_AndAlwaysTheLastOne()
    {
        var clock = new ManualClock(CliSamples.Start);
        var output = new StringWriter { NewLine = "\n" };
        var progress = new PlainRunProgress(output, TimeSpan.FromSeconds(30), clock);
        async Task Show(int done, RunStatus status, int seconds)
        {
            clock.Now = CliSamples.Start.AddSeconds(seconds);
            await progress.ShowAsync(new RunProgress(CliSamples.Run(status), [CliSamples.Phase(3, PhaseStatus.Running, 10, done)]));
        }

        await Show(1, RunStatus.Running, 0);     // first: printed
        await Show(1, RunStatus.Running, 5);     // unchanged: not printed
        await Show(2, RunStatus.Running, 10);    // changed 10 s after the last line: not yet
        await Show(3, RunStatus.Running, 31);    // 31 s after it: printed
        await Show(4, RunStatus.Running, 45);    // 14 s after: not yet
        await Show(10, RunStatus.Completed, 46); // the final status: printed at once

        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "  P&L and snapshot: 1/10", "  P&L and snapshot: 3/10", "  P&L and snapshot: 10/10");
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
