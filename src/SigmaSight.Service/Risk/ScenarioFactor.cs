namespace SigmaSight.Service.Risk;

/// <summary>
/// What a scenario factor moves: the <see cref="FactorDefinition.Name"/> of the portfolio exposure, and whether its
/// shock is a return (<see cref="ReturnUnit"/>) or a yield change (<see cref="YieldChangeUnit"/>, converted to a
/// return of the rate proxy as −duration × Δy). Stored as <c>{"exposure": ..., "unit": ...}</c> in jsonb.
/// </summary>
public sealed record ScenarioFactor(string Exposure, string Unit)
{
    public const string ReturnUnit = "return";
    public const string YieldChangeUnit = "yield_change";
}
