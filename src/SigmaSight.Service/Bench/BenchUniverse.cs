using SigmaSight.Service.MarketData;
using SigmaSight.Service.Risk;

namespace SigmaSight.Service.Bench;

/// <summary>
/// The bench's synthetic market: <c>S0001</c>… stocks spread over the 11 GICS sectors plus the factor proxies and the
/// market benchmark, with daily closes over <see cref="Days"/> from a seeded one-factor-plus-sector model. Deterministic:
/// the same seed and days give the same closes, and a stock's path does not depend on how many stocks there are.
/// </summary>
public sealed class BenchUniverse
{
    private readonly Dictionary<string, double[]> closes;

    private BenchUniverse(IReadOnlyList<DateOnly> days, IReadOnlyList<BenchSecurity> stocks, IReadOnlyList<string> proxies,
        Dictionary<string, double[]> closes)
    {
        Days = days;
        Stocks = stocks;
        Proxies = proxies;
        this.closes = closes;
    }

    /// <summary>The trading days with a close, ascending.</summary>
    public IReadOnlyList<DateOnly> Days { get; }

    /// <summary>The stocks, with their sector and industry.</summary>
    public IReadOnlyList<BenchSecurity> Stocks { get; }

    /// <summary>The factor proxies (SPY TLT VTV VUG MTUM QUAL IWM USMV) and the market benchmark.</summary>
    public IReadOnlyList<string> Proxies { get; }

    /// <summary>Every priced symbol: the stocks, then the proxies.</summary>
    public IEnumerable<string> Symbols => Stocks.Select(s => s.Symbol).Concat(Proxies);

    /// <summary>The closes of <paramref name="symbol"/>, one per day of <see cref="Days"/>, rounded to 4 decimals.</summary>
    public IReadOnlyList<double> Closes(string symbol) =>
        closes.TryGetValue(symbol, out var series) ? series : throw new KeyNotFoundException($"bench: symbol '{symbol}' is not in the universe");

    /// <summary>The close of <paramref name="symbol"/> on <paramref name="day"/> (a day of <see cref="Days"/>).</summary>
    public double Close(string symbol, DateOnly day)
    {
        var index = DayIndex(day);
        return Closes(symbol)[index];
    }

    /// <summary>The position of <paramref name="day"/> in <see cref="Days"/>.</summary>
    public int DayIndex(DateOnly day)
    {
        var index = BinarySearch(day);
        return index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(day), day, "bench: not a day of the universe");
    }

    public static BenchUniverse Create(int stockCount, int seed, IReadOnlyList<DateOnly> days, string marketBenchmark)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stockCount, 1);
        ArgumentNullException.ThrowIfNull(days);
        if (days.Count < 2) throw new ArgumentException("bench: the universe needs at least two days", nameof(days));
        var width = Math.Max(4, stockCount.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var stocks = Enumerable.Range(1, stockCount).Select(i =>
        {
            var sector = GicsSectors.All[(i - 1) % GicsSectors.All.Count];
            return new BenchSecurity($"S{i.ToString($"D{width}", System.Globalization.CultureInfo.InvariantCulture)}", sector,
                $"{sector} {1 + ((i - 1) / GicsSectors.All.Count % 4)}");
        }).ToList();
        var proxies = SymbolUniverse.FactorEtfs.Append(marketBenchmark).Distinct(StringComparer.Ordinal).ToList();

        var factors = BenchFactors.Create(seed, days.Count);
        var series = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var i = 0; i < stocks.Count; i++)
        {
            var random = new Random(unchecked((seed * 1_000_003) + i + 1));
            var beta = 0.5 + random.NextDouble();
            var start = 20 + (380 * random.NextDouble());
            var sector = i % GicsSectors.All.Count;
            series[stocks[i].Symbol] = BenchFactors.Path(start, days.Count, t =>
                (beta * factors.Market[t]) + factors.Sectors[sector][t] + (0.015 * BenchFactors.Normal(random)));
        }
        for (var p = 0; p < proxies.Count; p++)
        {
            var random = new Random(unchecked((seed * 7_919) - p - 1));
            var (loading, noise) = ProxyModel(proxies[p]);
            series[proxies[p]] = BenchFactors.Path(50 + (400 * random.NextDouble()), days.Count, t =>
                (loading * factors.Market[t]) + (noise * BenchFactors.Normal(random)));
        }
        return new BenchUniverse([.. days], stocks, proxies, series);
    }

    /// <summary>Market loading and idiosyncratic volatility of each proxy (the benchmark is the market itself).</summary>
    private static (double Loading, double Noise) ProxyModel(string symbol) => symbol switch
    {
        "SPY" => (1.0, 0.0005),
        "TLT" => (-0.2, 0.007),
        "VTV" => (0.9, 0.003),
        "VUG" => (1.1, 0.003),
        "MTUM" => (1.05, 0.004),
        "QUAL" => (0.95, 0.003),
        "IWM" => (1.2, 0.005),
        "USMV" => (0.7, 0.003),
        _ => (1.0, 0.001),
    };

    private int BinarySearch(DateOnly day)
    {
        int low = 0, high = Days.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            var compare = Days[mid].CompareTo(day);
            if (compare == 0) return mid;
            if (compare < 0) low = mid + 1;
            else high = mid - 1;
        }
        return -1;
    }
}

/// <summary>A bench stock's reference data.</summary>
public sealed record BenchSecurity(string Symbol, string Sector, string Industry);
