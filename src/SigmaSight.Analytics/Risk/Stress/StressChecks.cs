namespace SigmaSight.Analytics.Risk.Stress;

/// <summary>Argument checks of a stress run; every message names the scenario or factor concerned.</summary>
internal static class StressChecks
{
    public static IReadOnlyList<StressFactor> Validate(StressScenario scenario, StressModel model)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(model.Factors);
        ArgumentNullException.ThrowIfNull(model.Covariance);
        if (!(double.IsFinite(model.Duration) && model.Duration > 0))
            throw new ArgumentException($"stress model duration must be a positive number, not {model.Duration}", nameof(model));

        var size = model.Covariance.Factors.Count;
        if (model.Covariance.Matrix.Count != size || model.Covariance.Matrix.Any(row => row.Count != size))
            throw new ArgumentException($"stress covariance matrix is not {size} × {size} like its factor list", nameof(model));

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in model.Factors)
        {
            if (f is null || string.IsNullOrWhiteSpace(f.Name) || string.IsNullOrWhiteSpace(f.ExposureName))
                throw new ArgumentException("a stress factor has no name or no exposure name", nameof(model));
            if (!names.Add(f.Name)) throw new ArgumentException($"stress factor {f.Name} is listed twice", nameof(model));
            if (!Enum.IsDefined(f.Unit)) throw new ArgumentException($"stress factor {f.Name} has an unknown unit {f.Unit}", nameof(model));
            if (!model.Covariance.Factors.Contains(f.Name))
                throw new ArgumentException($"stress factor {f.Name} is not in the covariance matrix", nameof(model));
        }

        if (string.IsNullOrWhiteSpace(scenario.Id)) throw new ArgumentException("a stress scenario has no id", nameof(scenario));
        if (scenario.Shocks is null || scenario.Shocks.Count == 0)
            throw new ArgumentException($"stress scenario {scenario.Id} has no shocks", nameof(scenario));
        foreach (var (factor, shock) in scenario.Shocks)
        {
            if (!names.Contains(factor))
                throw new ArgumentException($"stress scenario {scenario.Id} shocks unknown factor {factor} (known: {string.Join(", ", names)})", nameof(scenario));
            if (!double.IsFinite(shock))
                throw new ArgumentException($"stress scenario {scenario.Id} has a non-finite shock for {factor} ({shock})", nameof(scenario));
        }

        return model.Factors;
    }
}
