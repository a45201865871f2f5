namespace SigmaSight.Analytics.Risk.Stress;

/// <summary>A stress scenario (the <c>stress_scenarios</c> row).</summary>
/// <param name="Id">Scenario id, e.g. "market_crash_35".</param>
/// <param name="Name">Display name, e.g. "Market Crash 35%".</param>
/// <param name="Shocks">Factor name → shock in the factor's <see cref="ShockUnit"/> (return, or yield change for rates).</param>
/// <param name="Category">e.g. "market_risk".</param>
/// <param name="Severity">e.g. "severe".</param>
/// <param name="IsActive">Inactive scenarios are stored but not run by the batch.</param>
public sealed record StressScenario(
    string Id,
    string Name,
    IReadOnlyDictionary<string, double> Shocks,
    string Category = "",
    string Severity = "",
    bool IsActive = true);
