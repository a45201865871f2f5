using SigmaSight.Analytics.Regression;
using SigmaSight.Analytics.Series;

namespace SigmaSight.Benchmarks;

/// <summary>
/// Seeded factor-model closes for the kernel benchmarks: a market index, six style-factor proxies and any number of
/// symbols over the same weekdays. Market return m ~ N(0.0003, 0.011); proxy k = load_k·m + N(0, 0.005); symbol i =
/// β_i·m + Σ_k s_ik·(proxy_k − load_k·m) + N(0, σ_i) with β_i ∈ [0.3, 1.8], s_ik ∈ [−0.4, 0.4], σ_i ∈ [0.008, 0.02].
/// Each symbol misses each inner date with probability 0.5 % (a gap the alignment must step over).
/// </summary>
internal sealed class SyntheticUniverse
{
    private const double GapProbability = 0.005;
    private static readonly string[] StyleNames = ["Value", "Growth", "Momentum", "Quality", "Size", "LowVolatility"];
    private static readonly double[] StyleMarketLoads = [0.95, 1.05, 1.0, 0.98, 1.15, 0.75];

    private SyntheticUniverse(DateOnly[] dates, DatedCloses market, FactorProxy[] styles, DatedCloses[] symbols)
    {
        Dates = dates;
        Market = market;
        StyleFactors = styles;
        Symbols = symbols;
    }

    /// <summary>The common weekdays, ascending.</summary>
    public IReadOnlyList<DateOnly> Dates { get; }

    /// <summary>The last date: every benchmark's as-of date.</summary>
    public DateOnly AsOf => Dates[^1];

    /// <summary>The market index (no gaps).</summary>
    public DatedCloses Market { get; }

    /// <summary>The six style factors with their proxies' closes (no gaps).</summary>
    public IReadOnlyList<FactorProxy> StyleFactors { get; }

    /// <summary>The symbols' closes ("S00000", "S00001", …), with gaps.</summary>
    public IReadOnlyList<DatedCloses> Symbols { get; }

    /// <summary>Builds <paramref name="symbolCount"/> symbols over <paramref name="days"/> weekdays from <paramref name="seed"/>.</summary>
    public static SyntheticUniverse Create(int symbolCount, int days, int seed)
    {
        var random = new Random(seed);
        var dates = Weekdays(new DateOnly(2024, 1, 2), days);
        var market = new double[days];
        for (var t = 1; t < days; t++) market[t] = 0.0003 + (0.011 * Normal(random));

        var styleNoise = new double[StyleNames.Length][];
        var styles = new FactorProxy[StyleNames.Length];
        for (var k = 0; k < styles.Length; k++)
        {
            styleNoise[k] = new double[days];
            var returns = new double[days];
            for (var t = 1; t < days; t++)
            {
                styleNoise[k][t] = 0.005 * Normal(random);
                returns[t] = (StyleMarketLoads[k] * market[t]) + styleNoise[k][t];
            }

            styles[k] = new FactorProxy(StyleNames[k], new DatedCloses(StyleNames[k] + "Proxy", dates, Closes(100.0, returns)));
        }

        var symbols = new DatedCloses[symbolCount];
        var symbolReturns = new double[days];
        for (var i = 0; i < symbolCount; i++)
        {
            var beta = Uniform(random, 0.3, 1.8);
            var sigma = Uniform(random, 0.008, 0.02);
            var loads = new double[styles.Length];
            for (var k = 0; k < loads.Length; k++) loads[k] = Uniform(random, -0.4, 0.4);
            for (var t = 1; t < days; t++)
            {
                var r = (beta * market[t]) + (sigma * Normal(random));
                for (var k = 0; k < loads.Length; k++) r += loads[k] * styleNoise[k][t];
                symbolReturns[t] = r;
            }

            symbols[i] = WithGaps($"S{i:D5}", dates, Closes(Uniform(random, 20.0, 400.0), symbolReturns), random);
        }

        return new SyntheticUniverse(dates, new DatedCloses("Market", dates, Closes(100.0, market)), styles, symbols);
    }

    private static DateOnly[] Weekdays(DateOnly start, int count)
    {
        var dates = new DateOnly[count];
        var date = start;
        for (var i = 0; i < count; date = date.AddDays(1))
        {
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) dates[i++] = date;
        }

        return dates;
    }

    /// <summary>Closes from a first close and the simple returns of every later day (returns[0] is ignored).</summary>
    private static double[] Closes(double first, double[] returns)
    {
        var closes = new double[returns.Length];
        closes[0] = first;
        for (var t = 1; t < closes.Length; t++) closes[t] = closes[t - 1] * (1.0 + returns[t]);
        return closes;
    }

    private static DatedCloses WithGaps(string name, DateOnly[] dates, double[] closes, Random random)
    {
        var keptDates = new List<DateOnly>(dates.Length);
        var keptCloses = new List<double>(dates.Length);
        for (var t = 0; t < dates.Length; t++)
        {
            var inner = t > 0 && t < dates.Length - 1;
            if (inner && random.NextDouble() < GapProbability) continue;
            keptDates.Add(dates[t]);
            keptCloses.Add(closes[t]);
        }

        return new DatedCloses(name, keptDates.ToArray(), keptCloses.ToArray());
    }

    private static double Uniform(Random random, double low, double high) => low + ((high - low) * random.NextDouble());

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
