using SigmaSight.Analytics.Regression;
using SigmaSight.Analytics.Returns;

namespace SigmaSight.Analytics.Volatility;

/// <summary>
/// Corsi's HAR-RV forecast of the next 21 days' volatility from squared daily returns RV_t = r_t².
/// OLS over the last 252 returns (fewer when the history is shorter) of the target
/// (RV_(t+1) + … + RV_(t+21)) / 21 on an intercept, RV_t, mean(RV_(t−4..t)) and mean(RV_(t−20..t)), using only the
/// rows whose regressors and 21-day target all lie inside those returns: t = 20 … n − 22, i.e. n − 41 rows,
/// at least 60 (so at least 101 returns). The forecast is the fitted value at the latest day t = n − 1, floored at 0.
/// </summary>
/// <param name="DailyVariance">The forecast mean daily squared return over the next 21 days (≥ 0).</param>
/// <param name="ExpectedVolatility21">√(252 × <paramref name="DailyVariance"/>), annualised.</param>
/// <param name="RSquared">In-sample R² of the regression.</param>
/// <param name="Rows">Number of regression rows.</param>
public sealed record HarForecast(double DailyVariance, double ExpectedVolatility21, double RSquared, int Rows)
{
    /// <summary>The returns the model looks at: the last 252.</summary>
    public const int WindowReturns = 252;

    /// <summary>Fewer regression rows than this → not computed.</summary>
    public const int MinimumRows = 60;

    /// <summary>The target horizon in days (and the long regressor's length).</summary>
    public const int Horizon = 21;

    private const int Week = 5;
    private const int Regressors = 4;

    /// <summary>The forecast at the last of <paramref name="returns"/> (daily returns, oldest first).</summary>
    /// <returns>The forecast; "insufficient history: k of 60 HAR rows"; or a reason when the regressors are collinear (e.g. constant returns).</returns>
    public static Estimate<HarForecast> Estimate(ReadOnlySpan<double> returns)
    {
        var r = returns.Length > WindowReturns ? returns[^WindowReturns..] : returns;
        var n = r.Length;
        var rows = Math.Max(0, n - (2 * Horizon) + 1);
        if (rows < MinimumRows)
            return Estimates.Missing<HarForecast>(Estimates.InsufficientHistory(rows, MinimumRows, "HAR rows"));

        Span<double> rv = stackalloc double[n];
        for (var t = 0; t < n; t++) rv[t] = r[t] * r[t];
        Span<double> design = stackalloc double[rows * Regressors];
        Span<double> target = stackalloc double[rows];
        for (var j = 0; j < rows; j++)
        {
            var t = Horizon - 1 + j;
            design[j] = 1.0;
            design[rows + j] = rv[t];
            design[(2 * rows) + j] = Mean(rv.Slice(t - Week + 1, Week));
            design[(3 * rows) + j] = Mean(rv.Slice(t - Horizon + 1, Horizon));
            target[j] = Mean(rv.Slice(t + 1, Horizon));
        }

        Span<double> p = stackalloc double[Regressors];
        Span<double> work = stackalloc double[design.Length + rows];
        design.CopyTo(work);
        target.CopyTo(work[design.Length..]);
        if (!HouseholderLeastSquares.TrySolve(work[..design.Length], rows, Regressors, work[design.Length..], p))
            return Estimates.Missing<HarForecast>($"HAR regression is singular over {rows} rows (constant squared returns)");

        var last = n - 1;
        var forecast = Math.Max(0.0, Fitted(p, rv[last], Mean(rv.Slice(last - Week + 1, Week)), Mean(rv.Slice(last - Horizon + 1, Horizon))));
        return Estimates.Of(new HarForecast(
            forecast, Math.Sqrt(RealizedVolatility.TradingDaysPerYear * forecast), FitRSquared(p, design, target), rows));
    }

    private static double Fitted(ReadOnlySpan<double> p, double day, double week, double month) =>
        p[0] + (p[1] * day) + (p[2] * week) + (p[3] * month);

    private static double FitRSquared(ReadOnlySpan<double> p, ReadOnlySpan<double> design, ReadOnlySpan<double> target)
    {
        var rows = target.Length;
        double sum = 0, ssr = 0, sst = 0;
        foreach (var y in target) sum += y;
        var mean = sum / rows;
        for (var j = 0; j < rows; j++)
        {
            var residual = target[j] - Fitted(p, design[rows + j], design[(2 * rows) + j], design[(3 * rows) + j]);
            ssr += residual * residual;
            sst += (target[j] - mean) * (target[j] - mean);
        }

        return sst == 0 ? 0 : 1.0 - (ssr / sst);
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (var v in values) sum += v;
        return sum / values.Length;
    }
}
