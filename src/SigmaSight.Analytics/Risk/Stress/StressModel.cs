namespace SigmaSight.Analytics.Risk.Stress;

/// <summary>Everything scenario-independent a stress test needs on D: the factor mapping, the covariance, the duration.</summary>
/// <param name="Factors">Every factor that takes part (market included), each mapped to its exposure — data, not code.</param>
/// <param name="Covariance">EWMA covariance of the factor proxies (<see cref="EwmaCovariance.Estimate"/>); must cover every factor.</param>
/// <param name="Duration">Rate proxy duration: a yield change Δy becomes the return −duration × Δy (default 17, TLT).</param>
public sealed record StressModel(IReadOnlyList<StressFactor> Factors, FactorCovariance Covariance, double Duration = StressModel.DefaultDuration)
{
    /// <summary>Default duration of the rate proxy (TLT).</summary>
    public const double DefaultDuration = 17.0;
}
