using SigmaSight.Analytics.Regression;
using static SigmaSight.UnitTests.DowJonesPrices;

namespace SigmaSight.UnitTests.Regression;

/// <summary>
/// The Dow stocks that stand in for the factor ETFs in tests/oracles/symbol_stats_golden.py (no ETFs in that data).
/// Style factors in fixture order; spread legs long − short, with NYA in SPY's place.
/// </summary>
internal static class SymbolStatsProxies
{
    public static readonly (string Factor, string Proxy)[] Style =
    [
        ("value", "XOM"), ("growth", "MSFT"), ("momentum", "INTC"), ("quality", "JNJ"), ("size", "CAT"), ("low_volatility", "PG"),
    ];

    public static readonly (string Spread, string Long, string Short)[] Spreads =
    [
        ("growth_value", "MSFT", "XOM"), ("momentum", "INTC", "NYA"), ("size", "CAT", "NYA"), ("quality", "JNJ", "NYA"),
    ];

    public static FactorProxy[] StyleFactors(string scenario) =>
        [.. Style.Select(s => new FactorProxy(s.Factor, Closes(scenario, s.Proxy)))];

    public static SpreadFactor SpreadFactor(string scenario, string spread)
    {
        var (name, longLeg, shortLeg) = Spreads.Single(s => s.Spread == spread);
        return new SpreadFactor(name, Closes(scenario, longLeg), Closes(scenario, shortLeg));
    }
}
