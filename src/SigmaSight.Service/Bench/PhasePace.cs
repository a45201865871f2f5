using SigmaSight.Service.Batches;

namespace SigmaSight.Service.Bench;

/// <summary>
/// Phases 3 and 4 against each ceiling burst, and which of the two set the pace. One burst swings more than our own
/// rate does (session 27: bursts of 138–306 jobs/s against phases 3+4 at 131–159), so the share of each burst shows
/// how much of a bench's share is the burst's. Phase 4's jobs are created when phase 3 completes, so the risk items'
/// own rate is their count over phase 4's wall time less phase 3's (both phases start together: the phase-3 starter
/// claims phase 4 at once, 0.04 s apart in session 27's first bench).
/// </summary>
/// <param name="PnlItemsPerSecond">Phase 3's items over its wall time.</param>
/// <param name="RiskItemsPerSecond">Phase 4's items over its wall time less phase 3's; null when it did not run after it.</param>
/// <param name="LowestShare">Phases 3+4 as a share of the fastest burst.</param>
/// <param name="HighestShare">Phases 3+4 as a share of the slowest burst.</param>
public sealed record PhasePace(double PnlItemsPerSecond, double? RiskItemsPerSecond, double LowestShare, double HighestShare)
{
    /// <summary>The pace of <paramref name="run"/>, or null when its phase 3 has no wall time or there is no burst.</summary>
    public static PhasePace? Of(RunFigures run, double phase34JobsPerSecond, IReadOnlyList<CeilingResult> bursts)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(bursts);
        var pnl = run.Phases.SingleOrDefault(p => p.Phase == BatchPhases.Pnl);
        var risk = run.Phases.SingleOrDefault(p => p.Phase == BatchPhases.PortfolioRisk);
        var rates = bursts.Select(b => b.JobsPerSecond).Where(r => r > 0).ToList();
        if (pnl?.Seconds is not (> 0 and var pnlSeconds) || rates.Count == 0) return null;
        double? riskRate = risk?.Seconds is { } riskSeconds && riskSeconds > pnlSeconds ? risk.Items / (riskSeconds - pnlSeconds) : null;
        return new PhasePace(pnl.Items / pnlSeconds, riskRate, phase34JobsPerSecond / rates.Max(), phase34JobsPerSecond / rates.Min());
    }
}
