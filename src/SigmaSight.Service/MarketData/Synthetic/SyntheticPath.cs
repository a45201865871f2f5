namespace SigmaSight.Service.MarketData.Synthetic;

/// <summary>
/// A symbol's cumulative log-price L over a timeline prefix: L(origin) = 0, L(t) = L(t−1) + x(t) with x as in
/// <see cref="FactorLoadings"/>. Immutable: <see cref="ExtendedTo"/> returns a longer copy.
/// </summary>
internal sealed class SyntheticPath(FactorLoadings loadings, ulong idiosyncraticKey, double[] logLevels)
{
    public FactorLoadings Loadings { get; } = loadings;

    public int Count => logLevels.Length;

    public double LogLevel(int index) => logLevels[index];

    public static SyntheticPath Start(int seed, string symbol) =>
        new(SyntheticLoadings.For(seed, symbol), SyntheticNoise.Fnv1a("idio:" + symbol), []);

    public SyntheticPath ExtendedTo(int seed, SyntheticTimeline timeline)
    {
        if (timeline.Count <= Count) return this;
        var levels = new double[timeline.Count];
        logLevels.CopyTo(levels, 0);
        for (var i = Math.Max(Count, 1); i < levels.Length; i++)
        {
            var previous = levels[i - 1];
            var noise = SyntheticNoise.Normal(seed, idiosyncraticKey, timeline.Day(i).DayNumber);
            levels[i] = previous + Loadings.DailyDrift + Loadings.Systematic(timeline.FactorReturns(i))
                + (Loadings.IdiosyncraticSigma * noise) - (Loadings.MeanReversion * previous);
        }

        return new SyntheticPath(Loadings, idiosyncraticKey, levels);
    }
}
