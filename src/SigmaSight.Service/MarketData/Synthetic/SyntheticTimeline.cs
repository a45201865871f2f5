using SigmaSight.Analytics.Calendar;

namespace SigmaSight.Service.MarketData.Synthetic;

/// <summary>
/// The NYSE trading days from the origin (index 0) through <see cref="CoveredThrough"/>, each with its eight
/// factor returns. Immutable: <see cref="ExtendedThrough"/> returns a longer copy.
/// </summary>
internal sealed class SyntheticTimeline
{
    private readonly DateOnly[] _days;
    private readonly double[] _factorReturns; // SyntheticFactors.Count per day

    private SyntheticTimeline(DateOnly[] days, double[] factorReturns, DateOnly coveredThrough)
    {
        _days = days;
        _factorReturns = factorReturns;
        CoveredThrough = coveredThrough;
    }

    public DateOnly CoveredThrough { get; }

    public int Count => _days.Length;

    public static SyntheticTimeline Create(int seed, NyseCalendar calendar, DateOnly origin, DateOnly through) =>
        new SyntheticTimeline([], [], origin.AddDays(-1)).ExtendedThrough(seed, calendar, through);

    public DateOnly Day(int index) => _days[index];

    public ReadOnlySpan<double> FactorReturns(int index) =>
        _factorReturns.AsSpan(index * SyntheticFactors.Count, SyntheticFactors.Count);

    /// <summary>The index of the first day on or after <paramref name="date"/>; <see cref="Count"/> when none.</summary>
    public int IndexOnOrAfter(DateOnly date)
    {
        var found = Array.BinarySearch(_days, date);
        return found >= 0 ? found : ~found;
    }

    public SyntheticTimeline ExtendedThrough(int seed, NyseCalendar calendar, DateOnly through)
    {
        if (through <= CoveredThrough) return this;
        var added = calendar.TradingDays(CoveredThrough.AddDays(1), through).ToArray();
        var days = new DateOnly[_days.Length + added.Length];
        _days.CopyTo(days, 0);
        added.CopyTo(days, _days.Length);

        var factorReturns = new double[days.Length * SyntheticFactors.Count];
        _factorReturns.CopyTo(factorReturns, 0);
        for (var i = _days.Length; i < days.Length; i++)
        {
            SyntheticFactors.Returns(seed, days[i], factorReturns.AsSpan(i * SyntheticFactors.Count, SyntheticFactors.Count));
        }

        return new SyntheticTimeline(days, factorReturns, through);
    }
}
