namespace SigmaSight.Service.Risk;

/// <summary>
/// A factor the symbol analytics estimate (reference §4.3): the market and rate betas, the six ridge style factors
/// and the four spread factors. Seeded by <c>migrate</c>; operators may deactivate one.
/// </summary>
public sealed class FactorDefinition
{
    /// <summary>The key, e.g. "Market Beta (90D)"; exposures refer to it.</summary>
    public required string Name { get; set; }

    /// <summary>market, macro or style (<see cref="FactorTypes"/>).</summary>
    public required string FactorType { get; set; }

    /// <summary>rolling_regression, provider_data, ridge_regression or spread_regression (<see cref="FactorMethods"/>).</summary>
    public required string Method { get; set; }

    /// <summary>The ETF whose returns proxy the factor (the long leg of a spread).</summary>
    public required string EtfProxy { get; set; }

    /// <summary>The ETF subtracted for a spread factor (VTV for Growth-Value, SPY otherwise); null for the others.</summary>
    public string? SpreadShortProxy { get; set; }

    public int DisplayOrder { get; set; }

    public bool IsActive { get; set; }
}
