using System.Globalization;
using SigmaSight.Analytics.Risk.Holdings;

namespace SigmaSight.UnitTests.Risk;

/// <summary>
/// Inputs and expectations written by tests/oracles/portfolio_risk_golden.py into TestData/risk: the Dow Jones closes
/// subset (ending D = 2000-12-29), the three portfolios, the symbol betas and the oracle's figures.
/// </summary>
internal static class RiskGolden
{
    public const double StatisticsTolerance = 1e-9;
    public const decimal Cent = 0.005m;

    private static readonly Lazy<(Dictionary<string, double[]> Simple, Dictionary<string, double[]> Log)> ReturnSeries = new(LoadReturns);

    public static TheoryData<string> Portfolios => ["long_only", "long_short", "with_options"];

    /// <summary>Simple returns c_t / c_t−1 − 1 of every symbol (NYA included), 280 per symbol, ending D.</summary>
    public static IReadOnlyDictionary<string, double[]> Returns => ReturnSeries.Value.Simple;

    /// <summary>Log returns ln(c_t / c_t−1), 280 per symbol, ending D.</summary>
    public static IReadOnlyDictionary<string, double[]> LogReturns => ReturnSeries.Value.Log;

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(string file) => GoldenCsv.Read("risk/" + file);

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(string file, string portfolio) =>
        [.. Rows(file).Where(r => r["portfolio"] == portfolio)];

    public static decimal Nav(string portfolio) => Rows("portfolios.csv", portfolio).Single().Money("nav");

    public static IReadOnlyList<RiskHolding> Holdings(string portfolio) =>
    [
        .. Rows("holdings.csv", portfolio).Select(r => r["kind"] switch
        {
            "stock" => RiskHolding.Stock(r["symbol"], r.Money("market_value"), r["sector"]),
            "etf" => RiskHolding.Etf(r["symbol"], r.Money("market_value")),
            "private" => RiskHolding.Private(r["symbol"], r.Money("market_value")),
            _ => RiskHolding.Option(r["symbol"], r["risk_symbol"], r.Money("market_value"), r.Money("exposure_value")),
        }),
    ];

    /// <summary>Betas of <paramref name="factor"/> per symbol; symbols without a figure are absent.</summary>
    public static IReadOnlyDictionary<string, double> Betas(string factor) =>
        Rows("betas.csv").Where(r => r[factor].Length > 0).ToDictionary(r => r["symbol"], r => r.Number(factor));

    public static IReadOnlyList<string> ExposureFactors => [.. Rows("stress_factors.csv").Select(r => r["exposure"])];

    public static decimal Money(this IReadOnlyDictionary<string, string> row, string column) =>
        decimal.Parse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture);

    public static double? OptionalNumber(this IReadOnlyDictionary<string, string> row, string column) =>
        row[column].Length == 0 ? null : row.Number(column);

    public static double[] Numbers(this IReadOnlyDictionary<string, string> row, string column) =>
        [.. row[column].Split(' ').Select(x => double.Parse(x, NumberStyles.Float, CultureInfo.InvariantCulture))];

    public static string[] Words(this IReadOnlyDictionary<string, string> row, string column) =>
        row[column].Length == 0 ? [] : row[column].Split(' ');

    /// <summary>1e-9 relative, plus <paramref name="absolute"/> for figures near 0.</summary>
    public static void ShouldMatch(this double actual, double expected, string because, double absolute = 1e-12) =>
        actual.Should().BeApproximately(expected, (StatisticsTolerance * Math.Abs(expected)) + absolute, because);

    /// <summary>Money: within half a cent, so both round to the same cent but at an exact midpoint.</summary>
    public static void ShouldMatchToTheCent(this decimal actual, decimal expected, string because) =>
        actual.Should().BeApproximately(expected, Cent, because);

    private static (Dictionary<string, double[]>, Dictionary<string, double[]>) LoadReturns()
    {
        var rows = Rows("dowjones30_closes_2000.csv");
        var symbols = rows[0].Keys.Where(k => k != "date").ToList();
        var simple = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var log = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var s in symbols)
        {
            var closes = rows.Select(r => r.Number(s)).ToArray();
            simple[s] = [.. closes.Skip(1).Select((c, i) => (c / closes[i]) - 1.0)];
            log[s] = [.. closes.Skip(1).Select((c, i) => Math.Log(c / closes[i]))];
        }

        return (simple, log);
    }
}
