using SigmaSight.Analytics.Series;

namespace SigmaSight.Analytics.Regression;

/// <summary>
/// A long-short spread factor, e.g. Growth−Value = VUG − VTV, Momentum = MTUM − SPY, Size = IWM − SPY,
/// Quality = QUAL − SPY. Its daily return is the long leg's simple return minus the short leg's.
/// </summary>
/// <param name="Name">The factor's name, used in reasons (e.g. "Growth-Value").</param>
/// <param name="LongLeg">Closes of the long leg.</param>
/// <param name="ShortLeg">Closes of the short leg.</param>
public sealed record SpreadFactor(string Name, DatedCloses LongLeg, DatedCloses ShortLeg);
