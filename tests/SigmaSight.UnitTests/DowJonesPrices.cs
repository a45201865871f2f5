using System.Collections.Frozen;
using System.Globalization;
using SigmaSight.Analytics.Series;

namespace SigmaSight.UnitTests;

/// <summary>
/// Real Dow Jones 30 closes (TestData/dowjones30/prices_subset.csv, see the README there) as <see cref="DatedCloses"/>,
/// in the scenarios of tests/oracles/symbol_stats_golden.py: "full" as published, "ibm-gap" without IBM's close of
/// 1998-08-27 (removed here exactly as the oracle removes it).
/// </summary>
internal static class DowJonesPrices
{
    public const string Full = "full";
    public const string IbmGap = "ibm-gap";
    public static readonly DateOnly GapDate = new(1998, 8, 27);

    private static readonly Lazy<FrozenDictionary<string, DatedCloses>> FullSeries = new(Load);
    private static readonly Lazy<DatedCloses> IbmWithGap = new(() => Without(FullSeries.Value["IBM"], GapDate));

    /// <summary>The closes of <paramref name="symbol"/> in <paramref name="scenario"/>.</summary>
    public static DatedCloses Closes(string scenario, string symbol) => scenario switch
    {
        Full => FullSeries.Value[symbol],
        IbmGap => symbol == "IBM" ? IbmWithGap.Value : FullSeries.Value[symbol],
        _ => throw new ArgumentException($"unknown scenario {scenario}", nameof(scenario)),
    };

    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The same series without the close dated <paramref name="date"/>.</summary>
    public static DatedCloses Without(DatedCloses series, DateOnly date)
    {
        var index = series.Dates.IndexOf(date);
        if (index < 0) throw new ArgumentException($"{series.Name} has no close on {date:yyyy-MM-dd}", nameof(date));
        DateOnly[] dates = [.. series.Dates[..index], .. series.Dates[(index + 1)..]];
        double[] closes = [.. series.Closes[..index], .. series.Closes[(index + 1)..]];
        return new DatedCloses(series.Name, dates, closes);
    }

    private static FrozenDictionary<string, DatedCloses> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "dowjones30", "prices_subset.csv");
        var rows = File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','));
        return rows
            .GroupBy(cells => cells[1])
            .ToFrozenDictionary(
                g => g.Key,
                g =>
                {
                    var sorted = g.OrderBy(cells => cells[0], StringComparer.Ordinal).ToArray();
                    return new DatedCloses(
                        g.Key,
                        [.. sorted.Select(cells => Date(cells[0]))],
                        [.. sorted.Select(cells => double.Parse(cells[2], NumberStyles.Float, CultureInfo.InvariantCulture))]);
                });
    }
}
