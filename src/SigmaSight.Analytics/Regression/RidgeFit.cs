namespace SigmaSight.Analytics.Regression;

/// <summary>A ridge fit of a symbol's returns on several factors' returns (see <see cref="StyleBetas.Estimate"/>).</summary>
/// <param name="Betas">One per factor, in the order the factors were given.</param>
/// <param name="Intercept">The daily intercept on the raw scale, ȳ − Σ β_f x̄_f (unclipped betas).</param>
/// <param name="RSquared">In-sample R² = 1 − SSR / SST of the unclipped fit.</param>
/// <param name="Observations">Number of aligned returns in the fit.</param>
/// <param name="Lambda">The penalty λ on the standardised scale.</param>
public sealed record RidgeFit(IReadOnlyList<FactorBeta> Betas, double Intercept, double RSquared, int Observations, double Lambda);
