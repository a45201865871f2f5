using SigmaSight.Analytics.Regression;
using SigmaSight.Analytics.Returns;

namespace SigmaSight.Analytics.Volatility;

/// <summary>
/// Realised volatility of a portfolio's own stored daily returns (its snapshots), reported beside the volatility of the
/// return series its current holdings would have had (<see cref="VolatilityProfile"/>) once it has enough days.
/// A window of N is the last N snapshots on or before the day; a snapshot without a stored return (the inception day,
/// or a day whose previous NAV was ≤ 0) has no return, so the figure needs N returns among those N snapshots.
/// </summary>
/// <param name="Realized21">Sample SD (n − 1) of the last 21 snapshots' returns × √252; needs 21 returns.</param>
/// <param name="Realized63">The same over the last 63 snapshots; needs 63 returns.</param>
public sealed record SnapshotVolatility(Estimate<double> Realized21, Estimate<double> Realized63)
{
    /// <summary>The most snapshots any figure looks at: the long window's.</summary>
    public const int SnapshotsUsed = VolatilityProfile.LongWindow;

    /// <summary>What the reasons count.</summary>
    public const string Unit = "snapshot returns";

    /// <summary>
    /// Why a figure is absent, each distinct reason once ("insufficient history: 12 of 21 snapshot returns; …"); null
    /// when both are present.
    /// </summary>
    public string? Reason => Realized21.HasValue && Realized63.HasValue
        ? null
        : string.Join("; ", new[] { Realized21.Reason, Realized63.Reason }.OfType<string>().Distinct(StringComparer.Ordinal));

    /// <summary>The figures at the last of <paramref name="dailyReturns"/>.</summary>
    /// <param name="dailyReturns">
    /// The stored daily return of each snapshot on or before the day, oldest first, the day's own last; null where a
    /// snapshot has none. Only the last <see cref="SnapshotsUsed"/> are looked at.
    /// </param>
    /// <exception cref="ArgumentException">A return used is not a finite number.</exception>
    public static SnapshotVolatility FromDailyReturns(IReadOnlyList<double?> dailyReturns)
    {
        ArgumentNullException.ThrowIfNull(dailyReturns);
        return new SnapshotVolatility(
            Realized(dailyReturns, VolatilityProfile.ShortWindow),
            Realized(dailyReturns, VolatilityProfile.LongWindow));
    }

    private static Estimate<double> Realized(IReadOnlyList<double?> dailyReturns, int window)
    {
        var returns = dailyReturns.Skip(Math.Max(0, dailyReturns.Count - window)).OfType<double>().ToArray();
        if (returns.Length < window) return Estimates.Missing<double>(Estimates.InsufficientHistory(returns.Length, window, Unit));
        Ols.RequireFinite(returns, "snapshot returns");
        return Estimates.Of(RealizedVolatility.OfReturns(returns));
    }
}
