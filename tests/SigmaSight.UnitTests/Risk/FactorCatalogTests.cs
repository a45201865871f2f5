using SigmaSight.Service.MarketData;
using SigmaSight.Service.Risk;

namespace SigmaSight.UnitTests.Risk;

public class FactorCatalogTests
{
    private static readonly IReadOnlyList<FactorDefinition> Factors = FactorCatalog.Definitions();

    [Fact]
    public void Definitions_AreThe13OfReference43_InDisplayOrder()
    {
        Factors.Select(f => f.Name).Should().Equal(
            "Market Beta (90D)", "Provider Beta (1Y)", "IR Beta", "Momentum", "Value", "Growth", "Size", "Quality",
            "Low Volatility", "Growth-Value Spread", "Momentum Spread", "Size Spread", "Quality Spread");
        Factors.Select(f => f.DisplayOrder).Should().Equal(Enumerable.Range(0, 13));
    }

    [Theory]
    [InlineData("Market Beta (90D)", "market", "rolling_regression", "SPY", null)]
    [InlineData("Provider Beta (1Y)", "market", "provider_data", "SPY", null)]
    [InlineData("IR Beta", "macro", "rolling_regression", "TLT", null)]
    [InlineData("Momentum", "style", "ridge_regression", "MTUM", null)]
    [InlineData("Value", "style", "ridge_regression", "VTV", null)]
    [InlineData("Growth", "style", "ridge_regression", "VUG", null)]
    [InlineData("Size", "style", "ridge_regression", "IWM", null)]
    [InlineData("Quality", "style", "ridge_regression", "QUAL", null)]
    [InlineData("Low Volatility", "style", "ridge_regression", "USMV", null)]
    [InlineData("Growth-Value Spread", "style", "spread_regression", "VUG", "VTV")]
    [InlineData("Momentum Spread", "style", "spread_regression", "MTUM", "SPY")]
    [InlineData("Size Spread", "style", "spread_regression", "IWM", "SPY")]
    [InlineData("Quality Spread", "style", "spread_regression", "QUAL", "SPY")]
    public void Definitions_HaveTypeMethodAndProxies_OfTheReferenceAndConventions(
        string name, string type, string method, string proxy, string? shortProxy)
    {
        var factor = Factors.Single(f => f.Name == name);
        (factor.FactorType, factor.Method, factor.EtfProxy, factor.SpreadShortProxy)
            .Should().Be((type, method, proxy, shortProxy));
    }

    [Fact]
    public void Definitions_AreActive_ExceptTheProviderBetaNoProviderSupplies()
    {
        Factors.Where(f => !f.IsActive).Select(f => f.Name).Should().Equal(FactorCatalog.ProviderBeta);
    }

    [Fact]
    public void Proxies_AreExactlyTheFactorEtfsEveryRunPrices()
    {
        Factors.SelectMany(f => new[] { f.EtfProxy, f.SpreadShortProxy }).OfType<string>().Distinct()
            .Should().BeEquivalentTo(SymbolUniverse.FactorEtfs);
    }
}
