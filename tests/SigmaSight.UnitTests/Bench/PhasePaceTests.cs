using SigmaSight.Service.Bench;

namespace SigmaSight.UnitTests.Bench;

/// <summary>
/// The bench prints phases 3+4 against each burst and each phase's own rate (session 27's first bench: phase 3 in
/// 6.6 s, phase 4 done 14.4 s after phase 3 started, phases 3+4 at 138.6 jobs/s, bursts of 144.4, 138.3, 212.5 jobs/s).
/// </summary>
public sealed class PhasePaceTests
{
    private static CeilingResult Burst(double jobsPerSecond) => new(2_000, 5, 2_000 / jobsPerSecond, jobsPerSecond);

    private static RunFigures Run(double? pnlSeconds, double? riskSeconds) => new(Guid.NewGuid(), "Completed", null, 16.6,
        [
            new PhaseFigures(1, "market data", "Completed", 11, 0.3),
            new PhaseFigures(3, "P&L and snapshot", "Completed", 1_000, pnlSeconds),
            new PhaseFigures(4, "portfolio risk", "Completed", 1_000, riskSeconds),
        ], 2_023, 2_028, 122.0);

    [Fact]
    public void Pace_GivesEachPhasesOwnRate_AndTheShareOfTheFastestAndSlowestBurst()
    {
        var pace = PhasePace.Of(Run(6.6, 14.4), 138.6, [Burst(144.4), Burst(138.3), Burst(212.5)])!;

        pace.PnlItemsPerSecond.Should().BeApproximately(1_000 / 6.6, 1e-9);
        pace.RiskItemsPerSecond.Should().BeApproximately(1_000 / 7.8, 1e-9, "phase 4's own time starts when phase 3 completes");
        pace.LowestShare.Should().BeApproximately(138.6 / 212.5, 1e-12);
        pace.HighestShare.Should().BeApproximately(138.6 / 138.3, 1e-12);
    }

    [Fact]
    public void Pace_WithoutPhase4AfterPhase3_HasNoRiskRate() =>
        PhasePace.Of(Run(6.6, 6.6), 138.6, [Burst(144.4)])!.RiskItemsPerSecond.Should().BeNull();

    [Fact]
    public void Pace_WithoutPhase3Time_OrWithoutABurst_IsNull()
    {
        PhasePace.Of(Run(null, 14.4), 138.6, [Burst(144.4)]).Should().BeNull();
        PhasePace.Of(Run(6.6, 14.4), 138.6, []).Should().BeNull();
    }
}
