namespace SigmaSight.Analytics.Risk.Sectors;

/// <summary>A portfolio's sector breakdown on D.</summary>
/// <param name="Sectors">Every held sector or bucket plus every benchmark sector, in ordinal name order.</param>
/// <param name="EquitySleeveValue">Σ signed market value of the stocks (the net weights' denominator), in currency.</param>
/// <param name="NetWeightReason">Why net weights are null (no stocks, or a net-short stock sleeve); null when they exist.</param>
public sealed record SectorBreakdown(IReadOnlyList<SectorWeight> Sectors, decimal EquitySleeveValue, string? NetWeightReason);
