using SigmaSight.Analytics.Regression;
using SigmaSight.Analytics.Returns;
using SigmaSight.Analytics.Series;

namespace SigmaSight.Analytics.Volatility;

/// <summary>
/// The volatility figures of one daily return series at its last day: a symbol's own returns, or a portfolio's
/// return series reconstructed from today's weights. Each figure is present or carries the reason it is not.
/// </summary>
/// <param name="Observations">Returns looked at: the series' length, at most <see cref="ReturnsUsed"/>.</param>
/// <param name="Realized21">Sample SD (n − 1) of the last 21 returns × √252; needs 21 returns.</param>
/// <param name="Realized63">The same over the last 63 returns; needs 63.</param>
/// <param name="Har">The HAR-RV forecast (see <see cref="HarForecast"/>); needs 60 rows = 101 returns.</param>
/// <param name="Trend">The trend of the rolling 21-day volatility (see <see cref="VolatilityTrend"/>); needs 41 returns.</param>
/// <param name="Percentile">The current 21-day volatility's rank in the past year (see <see cref="VolatilityPercentile"/>); needs 273 returns.</param>
public sealed record VolatilityProfile(
    int Observations,
    Estimate<double> Realized21,
    Estimate<double> Realized63,
    Estimate<HarForecast> Har,
    Estimate<VolatilityTrend> Trend,
    Estimate<double> Percentile)
{
    /// <summary>The short realised window.</summary>
    public const int ShortWindow = 21;

    /// <summary>The long realised window.</summary>
    public const int LongWindow = 63;

    /// <summary>The most returns any figure uses (the percentile's 252 + 21); older returns are ignored.</summary>
    public const int ReturnsUsed = VolatilityPercentile.RequiredReturns;

    /// <summary>The profile of <paramref name="returns"/> (daily simple returns, oldest first) at its last return.</summary>
    /// <exception cref="ArgumentException">A return used is not a finite number.</exception>
    public static VolatilityProfile FromReturns(ReadOnlySpan<double> returns)
    {
        var r = returns.Length > ReturnsUsed ? returns[^ReturnsUsed..] : returns;
        Ols.RequireFinite(r, "returns");
        return new VolatilityProfile(
            r.Length,
            Realized(r, ShortWindow),
            Realized(r, LongWindow),
            HarForecast.Estimate(r),
            VolatilityTrend.Estimate(r),
            VolatilityPercentile.Estimate(r));
    }

    /// <summary>
    /// The profile of one series' simple returns between its consecutive closes dated on or before
    /// <paramref name="asOf"/> (a missing close makes the return across the gap span both days).
    /// </summary>
    public static VolatilityProfile FromCloses(DatedCloses closes, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(closes);
        return FromReturns(ReturnAlignment.Align([closes], asOf, ReturnsUsed).ReturnsOf(0));
    }

    private static Estimate<double> Realized(ReadOnlySpan<double> returns, int window) => returns.Length < window
        ? Estimates.Missing<double>(Estimates.InsufficientHistory(returns.Length, window))
        : Estimates.Of(RealizedVolatility.OfReturns(returns[^window..]));
}
