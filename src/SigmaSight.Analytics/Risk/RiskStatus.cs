namespace SigmaSight.Analytics.Risk;

/// <summary>Whether a risk figure was computed (the codes of <c>analytic_results.status</c>).</summary>
public enum RiskStatus
{
    /// <summary>The figure was computed.</summary>
    Present,

    /// <summary>The figure does not exist for this portfolio (e.g. NAV ≤ 0, fewer than two symbols); see the reason.</summary>
    NotApplicable,

    /// <summary>Fewer observations than the stated minimum; the reason says how many of how many.</summary>
    InsufficientHistory,
}
