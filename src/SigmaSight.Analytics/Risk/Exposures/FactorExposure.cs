namespace SigmaSight.Analytics.Risk.Exposures;

/// <summary>A portfolio's exposure to one factor on D.</summary>
/// <param name="Factor">Factor name (as the betas were stored, e.g. "Market Beta (90D)").</param>
/// <param name="Exposure">Σ w_i β_i with w_i = exposure value_i / NAV, over holdings with a figure.</param>
/// <param name="DollarExposure">Exposure × NAV in currency, unrounded (round to 2 dp when storing).</param>
/// <param name="Coverage">Share of gross exposure Σ|exposure value| (private assets included) held in symbols with a figure, 0..1.</param>
/// <param name="MissingSymbols">Risk symbols without a figure for D (data gaps), ordinal order; not counted as 0 — they lower the coverage.</param>
/// <param name="PrivateSymbols">Private assets (no factor model by design), ordinal order; they lower the coverage too.</param>
public sealed record FactorExposure(
    string Factor,
    double Exposure,
    decimal DollarExposure,
    double Coverage,
    IReadOnlyList<string> MissingSymbols,
    IReadOnlyList<string> PrivateSymbols);
