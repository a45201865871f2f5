namespace SigmaSight.Analytics.Returns;

/// <summary>Realised (historical) volatility of a close series.</summary>
public static class RealizedVolatility
{
    /// <summary>Trading days per year used to annualise.</summary>
    public const double TradingDaysPerYear = 252.0;

    private static readonly double AnnualisingFactor = Math.Sqrt(TradingDaysPerYear);

    /// <summary>
    /// Annualised realised volatility = sample standard deviation (n − 1 denominator) of the last
    /// <paramref name="window"/> simple returns r_i = c_i / c_(i−1) − 1 of <paramref name="closes"/>, × √252.
    /// Uses the last <paramref name="window"/> + 1 closes; earlier closes are ignored.
    /// </summary>
    /// <param name="closes">Closes in ascending date order, consecutive in the stored series; all &gt; 0.</param>
    /// <param name="window">Number of returns (≥ 2), e.g. 63.</param>
    /// <returns>The volatility as a fraction (0.2 = 20%), or null when there are fewer than <paramref name="window"/> returns.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> &lt; 2, or a close used is not a positive finite number.</exception>
    public static double? Annualized(IReadOnlyList<double> closes, int window)
    {
        ArgumentNullException.ThrowIfNull(closes);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 2);
        if (closes.Count - 1 < window) return null;

        var first = closes.Count - window - 1;
        var returns = new double[window];
        for (var i = 0; i < window; i++)
        {
            var previous = RequirePositive(closes[first + i]);
            returns[i] = (RequirePositive(closes[first + i + 1]) / previous) - 1.0;
        }

        return OfReturns(returns);
    }

    /// <summary>
    /// Annualised volatility of the given daily returns: sample standard deviation (n − 1 denominator, two-pass)
    /// × √252. Not √365 and not the population (n) denominator.
    /// </summary>
    /// <param name="returns">Two or more finite daily returns; all of them are used.</param>
    /// <exception cref="ArgumentException">Fewer than 2 returns.</exception>
    public static double OfReturns(ReadOnlySpan<double> returns) => SampleStandardDeviation(returns) * AnnualisingFactor;

    /// <summary>Sample standard deviation (n − 1 denominator), two passes.</summary>
    internal static double SampleStandardDeviation(ReadOnlySpan<double> values)
    {
        if (values.Length < 2) throw new ArgumentException($"a standard deviation needs at least 2 values, got {values.Length}", nameof(values));
        double sum = 0;
        foreach (var v in values) sum += v;
        var mean = sum / values.Length;
        double squares = 0;
        foreach (var v in values) squares += (v - mean) * (v - mean);
        return Math.Sqrt(squares / (values.Length - 1));
    }

    private static double RequirePositive(double close) => double.IsFinite(close) && close > 0
        ? close
        : throw new ArgumentOutOfRangeException(nameof(close), close, "closes must be positive finite numbers");
}
