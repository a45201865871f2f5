using SigmaSight.Service.Risk;

namespace SigmaSight.Service.Bench;

/// <summary>The common daily returns of the bench market: one market factor and one factor per GICS sector.</summary>
internal sealed record BenchFactors(double[] Market, double[][] Sectors)
{
    public static BenchFactors Create(int seed, int days)
    {
        var random = new Random(seed);
        var market = new double[days];
        var sectors = Enumerable.Range(0, GicsSectors.All.Count).Select(_ => new double[days]).ToArray();
        for (var t = 0; t < days; t++)
        {
            market[t] = 0.0003 + (0.01 * Normal(random));
            foreach (var sector in sectors) sector[t] = 0.006 * Normal(random);
        }
        return new BenchFactors(market, sectors);
    }

    /// <summary>Closes from <paramref name="start"/> compounding the log returns of <paramref name="logReturn"/> (day 0 has none).</summary>
    public static double[] Path(double start, int days, Func<int, double> logReturn)
    {
        var path = new double[days];
        var level = start;
        for (var t = 0; t < days; t++)
        {
            if (t > 0) level *= Math.Exp(logReturn(t));
            path[t] = Math.Max(0.01, Math.Round(level, 4, MidpointRounding.AwayFromZero));
        }
        return path;
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
