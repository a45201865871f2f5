using MathNet.Numerics.LinearAlgebra;

namespace SigmaSight.Analytics.Risk.Stress;

/// <summary>Factor stress tests (conventions: "Stress tests").</summary>
public static class StressTestCalculator
{
    /// <summary>How results are labelled: a linear approximation.</summary>
    public const string Method = "linear factor approximation";

    /// <summary>
    /// Shocked factors S move by their shock s (rate shocks: −duration × Δy); every other factor U — market
    /// included — moves by its conditional expectation E[f_U | f_S = s] = Σ_US Σ_SS⁻¹ s from the model's covariance.
    /// Direct P&amp;L = Σ_S dollar × s; correlated P&amp;L = Σ over all factors of dollar × move. No loss floor.
    /// </summary>
    /// <param name="scenario">The scenario; every shocked factor must be in the model.</param>
    /// <param name="model">Factor mapping, covariance and duration.</param>
    /// <param name="dollarExposures">Portfolio dollar exposure per exposure name (as stored by the aggregation).</param>
    /// <returns>The result; not applicable when an exposure is missing or the shocked factors' covariance is singular.</returns>
    /// <exception cref="ArgumentException">Invalid scenario (no shocks, unknown factor, non-finite shock) or model.</exception>
    public static RiskOutcome<StressResult> Run(
        StressScenario scenario, StressModel model, IReadOnlyDictionary<string, decimal> dollarExposures)
    {
        var factors = StressChecks.Validate(scenario, model);
        ArgumentNullException.ThrowIfNull(dollarExposures);
        var missing = factors.Where(f => !dollarExposures.ContainsKey(f.ExposureName)).Select(f => $"{f.ExposureName} ({f.Name})").ToList();
        if (missing.Count > 0)
            return RiskOutcome.NotApplicable<StressResult>($"scenario {scenario.Id}: missing exposure {string.Join(", ", missing)}");

        var covarianceFactors = model.Covariance.Factors.ToList();
        var covIndex = factors.Select(f => covarianceFactors.IndexOf(f.Name)).ToArray();
        var shocked = Enumerable.Range(0, factors.Count).Where(i => scenario.Shocks.ContainsKey(factors[i].Name)).ToArray();
        var moves = new double[factors.Count];
        foreach (var i in shocked)
        {
            var shock = scenario.Shocks[factors[i].Name];
            moves[i] = factors[i].Unit == ShockUnit.YieldChange ? -model.Duration * shock : shock;
        }

        var cov = model.Covariance.Matrix;
        var sigmaSs = Matrix<double>.Build.Dense(shocked.Length, shocked.Length, (a, b) => cov[covIndex[shocked[a]]][covIndex[shocked[b]]]);
        Vector<double> solved;
        try
        {
            solved = sigmaSs.Cholesky().Solve(Vector<double>.Build.Dense([.. shocked.Select(i => moves[i])]));
        }
        catch (ArgumentException)
        {
            return RiskOutcome.NotApplicable<StressResult>(
                $"scenario {scenario.Id}: covariance of the shocked factors ({string.Join(", ", shocked.Select(i => factors[i].Name))}) is singular");
        }

        for (var u = 0; u < factors.Count; u++)
        {
            if (Array.IndexOf(shocked, u) >= 0) continue;
            for (var a = 0; a < shocked.Length; a++) moves[u] += cov[covIndex[u]][covIndex[shocked[a]]] * solved[a];
        }

        double direct = 0, correlated = 0;
        var impacts = new StressFactorImpact[factors.Count];
        for (var i = 0; i < factors.Count; i++)
        {
            var dollar = dollarExposures[factors[i].ExposureName];
            var pnl = (double)dollar * moves[i];
            var isShocked = Array.IndexOf(shocked, i) >= 0;
            if (isShocked) direct += pnl;
            correlated += pnl;
            impacts[i] = new StressFactorImpact(factors[i].Name, factors[i].ExposureName, isShocked, moves[i], dollar, (decimal)pnl);
        }

        return RiskOutcome.Present(new StressResult(scenario.Id, (decimal)direct, (decimal)correlated, (decimal)(correlated - direct), impacts));
    }
}
