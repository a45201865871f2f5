namespace SigmaSight.Analytics.Risk.Stress;

/// <summary>
/// One scenario's P&amp;L for one portfolio — a linear factor approximation (dollar exposure × factor move), no
/// loss floor. Money unrounded: round to 2 dp when storing.
/// </summary>
/// <param name="ScenarioId">The scenario's id.</param>
/// <param name="DirectPnl">Σ over the shocked factors of dollar exposure × shock.</param>
/// <param name="CorrelatedPnl">Σ over all factors of dollar exposure × (shock or conditional move).</param>
/// <param name="CorrelationEffect">CorrelatedPnl − DirectPnl.</param>
/// <param name="Impacts">Per factor, in the model's factor order.</param>
public sealed record StressResult(
    string ScenarioId, decimal DirectPnl, decimal CorrelatedPnl, decimal CorrelationEffect, IReadOnlyList<StressFactorImpact> Impacts);
