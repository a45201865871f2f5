namespace SigmaSight.Analytics.Volatility;

/// <summary>
/// Where today's 21-day volatility stands in the past year: the share of the 252 rolling 21-day volatilities of the
/// windows ending on the 252 trading days before today (t − 252 … t − 1) that are less than or equal to today's
/// (the window ending at t). 0 = lowest of the year, 1 = at or above every one. Needs 252 + 21 = 273 returns.
/// </summary>
public static class VolatilityPercentile
{
    /// <summary>Number of past rolling values the current one is ranked among.</summary>
    public const int PastValues = 252;

    /// <summary>Returns needed: the current window plus the 252 windows before it.</summary>
    public const int RequiredReturns = PastValues + RollingVolatility.Window;

    /// <summary>The percentile (a fraction in [0, 1], in steps of 1/252) at the last of <paramref name="returns"/>.</summary>
    /// <param name="returns">Daily returns, oldest first; only the last 273 are used.</param>
    /// <returns>The fraction, or "insufficient history: k of 273 observations".</returns>
    public static Estimate<double> Estimate(ReadOnlySpan<double> returns)
    {
        if (returns.Length < RequiredReturns)
            return Estimates.Missing<double>(Estimates.InsufficientHistory(returns.Length, RequiredReturns));

        Span<double> vols = stackalloc double[PastValues + 1];
        RollingVolatility.Compute(returns[^RequiredReturns..], vols);
        var current = vols[PastValues];
        var atOrBelow = 0;
        for (var i = 0; i < PastValues; i++)
            if (vols[i] <= current) atOrBelow++;
        return Estimates.Of((double)atOrBelow / PastValues);
    }
}
