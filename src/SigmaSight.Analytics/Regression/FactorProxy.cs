using SigmaSight.Analytics.Series;

namespace SigmaSight.Analytics.Regression;

/// <summary>A style factor and the closes of the ETF that stands for it, e.g. ("Value", VTV).</summary>
/// <param name="Factor">The factor's name, carried into <see cref="FactorBeta.Factor"/> and reasons.</param>
/// <param name="Closes">The proxy's closes.</param>
public sealed record FactorProxy(string Factor, DatedCloses Closes);
