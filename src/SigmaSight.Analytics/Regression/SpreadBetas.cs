using SigmaSight.Analytics.Series;

namespace SigmaSight.Analytics.Regression;

/// <summary>
/// A symbol's beta to a spread factor: OLS with intercept of the symbol's simple returns on the spread return
/// r_long − r_short, all three series aligned on the dates where each has a close. Window 150, minimum 60.
/// Call once per spread factor.
/// </summary>
public static class SpreadBetas
{
    /// <summary>Default window: the last 150 aligned returns.</summary>
    public const int DefaultWindow = 150;

    /// <summary>Default minimum number of aligned returns.</summary>
    public const int DefaultMinimum = 60;

    private const int StackLimit = 512;

    /// <summary>Fits symbol = α + β (r_long − r_short) over the last <paramref name="window"/> aligned returns ending on or before <paramref name="asOf"/>.</summary>
    /// <returns>The fit (β clipped to ±5, flagged), or the reason it was not computed, as for <see cref="SingleFactorBeta.Estimate"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimum"/> &lt; 3 or <paramref name="window"/> &lt; <paramref name="minimum"/>.</exception>
    public static Estimate<OlsFit> Estimate(
        DatedCloses symbol, SpreadFactor factor, DateOnly asOf, int window = DefaultWindow, int minimum = DefaultMinimum)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        ArgumentNullException.ThrowIfNull(factor);
        SingleFactorBeta.RequireWindow(window, minimum);
        var aligned = ReturnAlignment.Align([symbol, factor.LongLeg, factor.ShortLeg], asOf, window);
        if (aligned.Count < minimum)
            return Estimates.Missing<OlsFit>(Estimates.InsufficientHistory(aligned.Count, minimum));

        var longLeg = aligned.ReturnsOf(1);
        var shortLeg = aligned.ReturnsOf(2);
        Span<double> spread = aligned.Count <= StackLimit ? stackalloc double[aligned.Count] : new double[aligned.Count];
        for (var i = 0; i < spread.Length; i++) spread[i] = longLeg[i] - shortLeg[i];
        return Ols.FitNamed(aligned.ReturnsOf(0), spread, symbol.Name, factor.Name);
    }
}
