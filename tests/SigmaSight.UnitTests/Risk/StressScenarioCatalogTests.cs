using System.Text;
using SigmaSight.Service.Risk;

namespace SigmaSight.UnitTests.Risk;

public class StressScenarioCatalogTests
{
    private static readonly IReadOnlyList<StressScenario> Scenarios = StressScenarioCatalog.Load();

    private static StressScenario Named(string id) => Scenarios.Single(s => s.ScenarioId == id);

    [Fact]
    public void Load_Has22ScenariosOfWhich19Active_WithUniqueIdsInFileOrder()
    {
        Scenarios.Should().HaveCount(22);
        Scenarios.Count(s => s.IsActive).Should().Be(19);
        Scenarios.Where(s => !s.IsActive).Select(s => s.ScenarioId)
            .Should().Equal("financial_crisis_2008", "covid_crash_2020", "dotcom_crash_2000");
        Scenarios.Select(s => s.ScenarioId).Should().OnlyHaveUniqueItems();
        Scenarios.Select(s => s.DisplayOrder).Should().Equal(Enumerable.Range(0, 22));
    }

    [Fact]
    public void Load_HasTheCategoriesOfReference44()
    {
        Scenarios.GroupBy(s => s.Category).ToDictionary(g => g.Key, g => g.Count()).Should().Equal(new Dictionary<string, int>
        {
            ["base_cases"] = 4, ["market_risk"] = 4, ["interest_rate_risk"] = 5, ["factor_rotations"] = 4,
            ["volatility_risk"] = 2, ["historical_replays"] = 3,
        });
    }

    [Theory]
    [InlineData("market_down_5", "Market Decline 5%", "base", "Market=-0.05")]
    [InlineData("rates_up_50bp", "Rates Up 50bp", "base", "Interest_Rate=0.005")]
    [InlineData("market_crash_35", "Market Crash 35%", "severe", "Market=-0.35")]
    [InlineData("rates_down_25bp", "Rates Down 25bp", "mild", "Interest_Rate=-0.0025")]
    [InlineData("rate_spike_300bp", "Rate Spike 300bp", "severe", "Interest_Rate=0.03")]
    [InlineData("value_rotation_20", "Value Rotation 20%", "moderate", "Growth=-0.1,Value=0.2")]
    [InlineData("quality_flight_12", "Flight to Quality 12%", "mild", "Market=-0.05,Quality=0.12")]
    [InlineData("liquidity_crisis", "Liquidity Crisis", "severe", "Low_Volatility=-0.3,Market=-0.2,Quality=0.15,Size=-0.1")]
    [InlineData("dotcom_crash_2000", "Dot-Com Crash Replay (2000-2002)", "extreme",
        "Growth=-0.6,Market=-0.45,Momentum=-0.5,Quality=0.15,Value=0.2")]
    public void Load_HasTheShocksOfReference44(string id, string name, string severity, string shocks)
    {
        var scenario = Named(id);
        (scenario.Name, scenario.Severity).Should().Be((name, severity));
        string.Join(',', scenario.Shocks.OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => $"{s.Key}={s.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}"))
            .Should().Be(shocks);
    }

    [Fact]
    public void Load_MapsEveryScenarioFactorToItsExposure_OnEveryScenario()
    {
        var expected = new Dictionary<string, string>
        {
            ["Market"] = FactorCatalog.MarketBeta, ["Interest_Rate"] = FactorCatalog.IrBeta, ["Value"] = "Value",
            ["Growth"] = "Growth", ["Momentum"] = "Momentum", ["Quality"] = "Quality", ["Size"] = "Size",
            ["Low_Volatility"] = "Low Volatility",
        };
        Scenarios.Should().OnlyContain(s => s.FactorMapping.Count == 8
            && expected.All(e => s.FactorMapping[e.Key].Exposure == e.Value)
            && s.FactorMapping.All(m => m.Value.Unit == (m.Key == "Interest_Rate" ? ScenarioFactor.YieldChangeUnit : ScenarioFactor.ReturnUnit)));
        var ridge = FactorCatalog.Definitions().Where(f => f.Method == FactorMethods.RidgeRegression).Select(f => f.Name);
        expected.Values.Except([FactorCatalog.MarketBeta, FactorCatalog.IrBeta]).Should().BeEquivalentTo(ridge);
    }

    [Theory]
    [InlineData("""{"factor_mapping":{"Market":{"exposure":"Market Beta (90D)","unit":"return"}},"scenarios":[{"scenario_id":"x","name":"X","category":"c","severity":"base","is_active":true,"shocks":{"Size":0.1}}]}""",
        "scenario 'x': shock factor 'Size' has no factor_mapping entry")]
    [InlineData("""{"factor_mapping":{"Market":{"exposure":"Beta","unit":"return"}},"scenarios":[{"scenario_id":"x","name":"X","category":"c","severity":"base","is_active":true,"shocks":{"Market":0.1}}]}""",
        "scenario 'x': factor_mapping maps Market to 'Beta', which is not a factor definition")]
    [InlineData("""{"factor_mapping":{"Market":{"exposure":"Market Beta (90D)","unit":"return"}},"scenarios":[{"scenario_id":"x","name":"X","category":"c","severity":"huge","is_active":true,"shocks":{"Market":0.1}}]}""",
        "scenario 'x': severity 'huge' is not one of")]
    [InlineData("""{"factor_mapping":{"Market":{"exposure":"Market Beta (90D)","unit":"return"}},"scenarios":[{"scenario_id":"x","name":"X","category":"c","severity":"base","is_active":true,"shocks":{"Market":-1.0}}]}""",
        "scenario 'x': shock of Market is -1: a return cannot be −100 % or less")]
    [InlineData("""{"factor_mapping":{"Market":{"exposure":"Market Beta (90D)","unit":"return"}},"scenarios":[{"scenario_id":"x","name":"X","category":"c","severity":"base","is_active":true,"shocks":{"Market":0.1}},{"scenario_id":"x","name":"Y","category":"c","severity":"base","is_active":true,"shocks":{"Market":0.2}}]}""",
        "scenario 'x': the scenario_id appears twice")]
    [InlineData("""{"factor_mapping":{"Market":{"exposure":"Market Beta (90D)","unit":"return"}},"scenarios":[{"scenario_id":"x","name":"X","category":"c","severity":"base","is_active":true,"shocks":{}}]}""",
        "scenario 'x': it shocks no factor")]
    [InlineData("""{"factor_mapping":{"Market":{"exposure":"Market Beta (90D)","unit":"bp"}},"scenarios":[{"scenario_id":"x","name":"X","category":"c","severity":"base","is_active":true,"shocks":{"Market":0.1}}]}""",
        "scenario 'x': factor_mapping gives Market the unit 'bp', not return or yield_change")]
    [InlineData("""{"scenarios":[{"scenario_id":"x","shock":{}}]}""", "stress_scenarios.json: ")]
    public void Parse_Throws_NamingTheScenarioAndReason_WhenTheFileIsInvalid(string json, string message)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var parse = () => StressScenarioCatalog.Parse(stream);
        parse.Should().Throw<InvalidDataException>().WithMessage($"*{message}*");
    }

    [Fact]
    public void Parse_LetsAScenarioOverrideOneMappingEntry_KeepingTheOthers()
    {
        const string Json = """
            {"factor_mapping":{"Market":{"exposure":"Market Beta (90D)","unit":"return"},
                               "Interest_Rate":{"exposure":"IR Beta","unit":"yield_change"}},
             "scenarios":[{"scenario_id":"x","name":"X","category":"c","severity":"base","is_active":false,
                           "shocks":{"Market":0.1},"factor_mapping":{"Market":{"exposure":"Size Spread","unit":"return"}}}]}
            """;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Json));
        var scenario = StressScenarioCatalog.Parse(stream).Single();
        scenario.FactorMapping.Should().Equal(new Dictionary<string, ScenarioFactor>
        {
            ["Market"] = new("Size Spread", ScenarioFactor.ReturnUnit), ["Interest_Rate"] = new("IR Beta", ScenarioFactor.YieldChangeUnit),
        });
        scenario.IsActive.Should().BeFalse();
    }
}
