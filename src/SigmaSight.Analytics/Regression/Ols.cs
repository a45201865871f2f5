namespace SigmaSight.Analytics.Regression;

/// <summary>
/// Ordinary least squares of y on one regressor x with an intercept, in closed form (three passes over the data,
/// no allocation): β = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², α = ȳ − β x̄.
/// </summary>
public static class Ols
{
    /// <summary>Betas beyond ±5 are stored as ±5 and flagged as clipped.</summary>
    public const double BetaLimit = 5.0;

    /// <summary>Fits y = α + β x + ε (see <see cref="OlsFit"/> for each figure).</summary>
    /// <param name="y">The response, e.g. a symbol's daily returns.</param>
    /// <param name="x">The regressor, e.g. the benchmark's returns on the same dates; as long as <paramref name="y"/>.</param>
    /// <returns>The fit, or a reason when x or y is constant (the slope or R² is then undefined).</returns>
    /// <exception cref="ArgumentException">The lengths differ, there are fewer than 3 observations, or a value is not finite.</exception>
    public static Estimate<OlsFit> Fit(ReadOnlySpan<double> y, ReadOnlySpan<double> x) => FitNamed(y, x, "the response", "the regressor");

    internal static Estimate<OlsFit> FitNamed(ReadOnlySpan<double> y, ReadOnlySpan<double> x, string yName, string xName)
    {
        if (x.Length != y.Length) throw new ArgumentException($"{y.Length} responses but {x.Length} regressor values", nameof(x));
        if (y.Length < 3) throw new ArgumentException($"an OLS fit needs at least 3 observations, got {y.Length}", nameof(y));
        RequireFinite(y, yName);
        RequireFinite(x, xName);
        if (IsConstant(x)) return Estimates.Missing<OlsFit>(ConstantReason(xName, x.Length));
        if (IsConstant(y)) return Estimates.Missing<OlsFit>(ConstantReason(yName, y.Length));

        var line = Line.Fit(y, x);
        var clipped = Math.Abs(line.Slope) > BetaLimit;
        var standardError = Math.Sqrt(line.ResidualSumOfSquares / (y.Length - 2) / line.RegressorSumOfSquares);
        return Estimates.Of(new OlsFit(
            Math.Clamp(line.Slope, -BetaLimit, BetaLimit), line.Intercept, line.RSquared, standardError, y.Length, clipped));
    }

    internal static string ConstantReason(string name, int observations) =>
        $"zero variance: {name} returns are constant over {observations} observations";

    internal static void RequireFinite(ReadOnlySpan<double> values, string name)
    {
        for (var i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"{name}: observation {i} is {values[i]}, not a finite number", nameof(values));
    }

    internal static bool IsConstant(ReadOnlySpan<double> values)
    {
        for (var i = 1; i < values.Length; i++)
            if (values[i] != values[0]) return false;
        return true;
    }
}
