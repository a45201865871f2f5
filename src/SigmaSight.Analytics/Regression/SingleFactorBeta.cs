using SigmaSight.Analytics.Series;

namespace SigmaSight.Analytics.Regression;

/// <summary>
/// A symbol's beta to one factor: OLS of its simple returns on the factor's simple returns, aligned on the dates
/// where both have a close. Market beta uses the benchmark (SPY live, NYA for the Dow Jones data); interest-rate
/// beta the rate proxy (TLT). Window 90, minimum 30 by default.
/// </summary>
public static class SingleFactorBeta
{
    /// <summary>Default window: the last 90 aligned returns.</summary>
    public const int DefaultWindow = 90;

    /// <summary>Default minimum number of aligned returns.</summary>
    public const int DefaultMinimum = 30;

    /// <summary>
    /// Fits symbol = α + β factor over the last <paramref name="window"/> aligned returns ending on or before
    /// <paramref name="asOf"/> (see <see cref="ReturnAlignment"/> and <see cref="Ols.Fit"/>).
    /// </summary>
    /// <returns>
    /// The fit; or, with fewer than <paramref name="minimum"/> aligned returns, the reason
    /// "insufficient history: k of minimum observations"; or a zero-variance reason when either series is constant.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimum"/> &lt; 3 or <paramref name="window"/> &lt; <paramref name="minimum"/>.</exception>
    public static Estimate<OlsFit> Estimate(
        DatedCloses symbol, DatedCloses factor, DateOnly asOf, int window = DefaultWindow, int minimum = DefaultMinimum)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        ArgumentNullException.ThrowIfNull(factor);
        RequireWindow(window, minimum);
        var aligned = ReturnAlignment.Align([symbol, factor], asOf, window);
        return aligned.Count < minimum
            ? Estimates.Missing<OlsFit>(Estimates.InsufficientHistory(aligned.Count, minimum))
            : Ols.FitNamed(aligned.ReturnsOf(0), aligned.ReturnsOf(1), symbol.Name, factor.Name);
    }

    internal static void RequireWindow(int window, int minimum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, minimum);
    }
}
