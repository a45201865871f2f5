using System.Text.Json;

namespace SigmaSight.Service.Risk;

/// <summary>
/// Reads the stress scenarios file (<c>ReferenceData/stress_scenarios.json</c>): each scenario's shocks, and the
/// factor mapping (file-wide, with optional per-scenario overrides) stored in full on every scenario. Rejects a file
/// with a duplicate id, an unknown severity, an unmapped or non-finite shock, a return shock of −100 % or worse, or a
/// mapping to a factor that <see cref="FactorCatalog"/> does not define or with an unknown unit.
/// </summary>
public static class StressScenarioCatalog
{
    public static IReadOnlySet<string> Severities { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "base", "mild", "moderate", "severe", "extreme" };

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The embedded file's scenarios, in file order.</summary>
    public static IReadOnlyList<StressScenario> Load()
    {
        using var stream = ReferenceDataFiles.Open(ReferenceDataFiles.StressScenarios);
        return Parse(stream);
    }

    public static IReadOnlyList<StressScenario> Parse(Stream json)
    {
        ScenarioFile file;
        try
        {
            file = JsonSerializer.Deserialize<ScenarioFile>(json, Json)
                ?? throw new InvalidDataException($"{ReferenceDataFiles.StressScenarios}: the file is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{ReferenceDataFiles.StressScenarios}: {e.Message}", e);
        }

        var known = FactorCatalog.Definitions().Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var scenarios = new List<StressScenario>();
        foreach (var (entry, order) in (file.Scenarios ?? []).Select((s, i) => (s, i)))
        {
            var mapping = new Dictionary<string, ScenarioFactor>(file.FactorMapping ?? [], StringComparer.Ordinal);
            foreach (var (factor, target) in entry.FactorMapping ?? []) mapping[factor] = target;
            var scenario = new StressScenario
            {
                ScenarioId = entry.ScenarioId ?? "", Name = entry.Name ?? "", Category = entry.Category ?? "",
                Severity = entry.Severity ?? "", IsActive = entry.IsActive, DisplayOrder = order,
                Shocks = new Dictionary<string, double>(entry.Shocks ?? [], StringComparer.Ordinal), FactorMapping = mapping,
            };
            Validate(scenario, known);
            if (!seen.Add(scenario.ScenarioId)) throw Invalid(scenario.ScenarioId, "the scenario_id appears twice");
            scenarios.Add(scenario);
        }
        if (scenarios.Count == 0) throw new InvalidDataException($"{ReferenceDataFiles.StressScenarios}: no scenarios");
        return scenarios;
    }

    private static void Validate(StressScenario scenario, HashSet<string> knownFactors)
    {
        var id = scenario.ScenarioId;
        if (string.IsNullOrWhiteSpace(id)) throw Invalid("(no id)", "scenario_id is required");
        if (string.IsNullOrWhiteSpace(scenario.Name)) throw Invalid(id, "name is required");
        if (string.IsNullOrWhiteSpace(scenario.Category)) throw Invalid(id, "category is required");
        if (!Severities.Contains(scenario.Severity))
            throw Invalid(id, $"severity '{scenario.Severity}' is not one of {string.Join(", ", Severities)}");
        if (scenario.Shocks.Count == 0) throw Invalid(id, "it shocks no factor");
        foreach (var (factor, target) in scenario.FactorMapping)
        {
            if (!knownFactors.Contains(target.Exposure ?? ""))
                throw Invalid(id, $"factor_mapping maps {factor} to '{target.Exposure}', which is not a factor definition");
            if (target.Unit is not (ScenarioFactor.ReturnUnit or ScenarioFactor.YieldChangeUnit))
                throw Invalid(id, $"factor_mapping gives {factor} the unit '{target.Unit}', not return or yield_change");
        }
        foreach (var (factor, shock) in scenario.Shocks)
        {
            if (!scenario.FactorMapping.TryGetValue(factor, out var target))
                throw Invalid(id, $"shock factor '{factor}' has no factor_mapping entry");
            if (!double.IsFinite(shock)) throw Invalid(id, $"shock of {factor} is not a finite number");
            if (target.Unit == ScenarioFactor.ReturnUnit && shock <= -1)
                throw Invalid(id, $"shock of {factor} is {shock}: a return cannot be −100 % or less");
        }
    }

    private static InvalidDataException Invalid(string scenarioId, string reason) =>
        new($"{ReferenceDataFiles.StressScenarios}: scenario '{scenarioId}': {reason}");

    private sealed record ScenarioFile(
        IReadOnlyList<string>? Description, Dictionary<string, ScenarioFactor>? FactorMapping, IReadOnlyList<ScenarioEntry>? Scenarios);

    private sealed record ScenarioEntry(
        string? ScenarioId, string? Name, string? Category, string? Severity, bool IsActive,
        Dictionary<string, double>? Shocks, Dictionary<string, ScenarioFactor>? FactorMapping);
}
