namespace SigmaSight.Service.Risk;

/// <summary>
/// A stress scenario (reference §4.4), seeded by <c>migrate</c> from the embedded
/// <c>ReferenceData/stress_scenarios.json</c>; operators may edit or deactivate one (<c>migrate</c> only inserts
/// missing scenarios).
/// </summary>
public sealed class StressScenario
{
    public required string ScenarioId { get; set; }

    public required string Name { get; set; }

    public required string Category { get; set; }

    /// <summary>base, mild, moderate, severe or extreme.</summary>
    public required string Severity { get; set; }

    /// <summary>
    /// Scenario factor → shock, in the unit its <see cref="FactorMapping"/> entry names: a decimal return, or for
    /// Interest_Rate a decimal yield change (0.005 = +50 bp) converted to a return of the rate proxy (−duration × Δy).
    /// </summary>
    public Dictionary<string, double> Shocks { get; set; } = [];

    /// <summary>Every scenario factor → the exposure it moves and the unit of its shock.</summary>
    public Dictionary<string, ScenarioFactor> FactorMapping { get; set; } = [];

    public bool IsActive { get; set; }

    /// <summary>The order of the scenario file.</summary>
    public int DisplayOrder { get; set; }
}
