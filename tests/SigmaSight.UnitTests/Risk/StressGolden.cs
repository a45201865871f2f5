using System.Globalization;
using SigmaSight.Analytics.Risk.Stress;

namespace SigmaSight.UnitTests.Risk;

/// <summary>Stress inputs from the fixtures: the factor mapping (data), the 22 scenarios, proxies and dollar exposures.</summary>
internal static class StressGolden
{
    public static IReadOnlyList<StressFactor> Factors =>
    [
        .. RiskGolden.Rows("stress_factors.csv").Select(r => new StressFactor(
            r["factor"], r["exposure"], r["unit"] == "yield_change" ? ShockUnit.YieldChange : ShockUnit.Return)),
    ];

    public static IReadOnlyList<StressScenario> Scenarios =>
    [
        .. RiskGolden.Rows("stress_scenarios.csv").Select(r => new StressScenario(
            r["scenario_id"], r["name"],
            r["shocks"].Split(';').Select(s => s.Split('=')).ToDictionary(kv => kv[0], kv => double.Parse(kv[1], CultureInfo.InvariantCulture)),
            r["category"], r["severity"], bool.Parse(r["active"]))),
    ];

    /// <summary>Each stress factor's proxy returns (Dow stand-ins), keyed by factor name.</summary>
    public static (IReadOnlyList<string> Factors, IReadOnlyDictionary<string, double[]> Returns) ProxyReturns()
    {
        var rows = RiskGolden.Rows("stress_factors.csv");
        return ([.. rows.Select(r => r["factor"])], rows.ToDictionary(r => r["factor"], r => RiskGolden.Returns[r["proxy"]]));
    }

    public static StressModel Model()
    {
        var (factors, returns) = ProxyReturns();
        return new StressModel(Factors, EwmaCovariance.Estimate(factors, returns).Value!);
    }

    /// <summary>The oracle's dollar exposures of <paramref name="portfolio"/>, keyed by exposure name.</summary>
    public static IReadOnlyDictionary<string, decimal> DollarExposures(string portfolio) =>
        RiskGolden.Rows("factor_exposure_golden.csv", portfolio).ToDictionary(r => r["factor"], r => r.Money("dollar_exposure"));
}
