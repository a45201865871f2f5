using SigmaSight.Service.Hosting;

namespace SigmaSight.Service.Risk;

/// <summary>
/// The 13 factor definitions of reference §4.3, which <c>migrate</c> inserts when missing. "Provider Beta (1Y)" is
/// a vendor-reported beta that no provider of this service supplies, so it ships inactive.
/// </summary>
public static class FactorCatalog
{
    public const string MarketBeta = "Market Beta (90D)";
    public const string ProviderBeta = "Provider Beta (1Y)";
    public const string IrBeta = "IR Beta";
    public const string Momentum = "Momentum";
    public const string Value = "Value";
    public const string Growth = "Growth";
    public const string Size = "Size";
    public const string Quality = "Quality";
    public const string LowVolatility = "Low Volatility";
    public const string GrowthValueSpread = "Growth-Value Spread";
    public const string MomentumSpread = "Momentum Spread";
    public const string SizeSpread = "Size Spread";
    public const string QualitySpread = "Quality Spread";

    /// <summary>
    /// The symbol a factor regresses on: the market factor on the configured benchmark (<c>Analytics:MarketBenchmark</c>,
    /// NYA for the Dow Jones data) and the rate factor on the configured rate proxy (<c>Analytics:RateProxy</c>, the
    /// symbol the stress tests' yield shocks move), whatever their stored proxies say; every other factor on its proxy ETF.
    /// </summary>
    public static string ProxyOf(string name, string etfProxy, AnalyticsOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return name switch
        {
            MarketBeta => settings.MarketBenchmark,
            IrBeta => settings.RateProxy,
            _ => etfProxy,
        };
    }

    /// <summary>The symbols whose closes a factor's figures read: <see cref="ProxyOf"/> and, for a spread, its short leg.</summary>
    public static IEnumerable<string> ProxiesOf(string name, string etfProxy, string? spreadShortProxy, AnalyticsOptions settings)
    {
        yield return ProxyOf(name, etfProxy, settings);
        if (spreadShortProxy is not null) yield return spreadShortProxy;
    }

    /// <summary>Fresh entities of the 13 definitions, in display order.</summary>
    public static IReadOnlyList<FactorDefinition> Definitions() =>
    [
        Define(0, MarketBeta, FactorTypes.Market, FactorMethods.RollingRegression, "SPY"),
        Define(1, ProviderBeta, FactorTypes.Market, FactorMethods.ProviderData, "SPY", active: false),
        Define(2, IrBeta, FactorTypes.Macro, FactorMethods.RollingRegression, "TLT"),
        Define(3, Momentum, FactorTypes.Style, FactorMethods.RidgeRegression, "MTUM"),
        Define(4, Value, FactorTypes.Style, FactorMethods.RidgeRegression, "VTV"),
        Define(5, Growth, FactorTypes.Style, FactorMethods.RidgeRegression, "VUG"),
        Define(6, Size, FactorTypes.Style, FactorMethods.RidgeRegression, "IWM"),
        Define(7, Quality, FactorTypes.Style, FactorMethods.RidgeRegression, "QUAL"),
        Define(8, LowVolatility, FactorTypes.Style, FactorMethods.RidgeRegression, "USMV"),
        Define(9, GrowthValueSpread, FactorTypes.Style, FactorMethods.SpreadRegression, "VUG", "VTV"),
        Define(10, MomentumSpread, FactorTypes.Style, FactorMethods.SpreadRegression, "MTUM", "SPY"),
        Define(11, SizeSpread, FactorTypes.Style, FactorMethods.SpreadRegression, "IWM", "SPY"),
        Define(12, QualitySpread, FactorTypes.Style, FactorMethods.SpreadRegression, "QUAL", "SPY"),
    ];

    private static FactorDefinition Define(int order, string name, string type, string method, string proxy,
        string? shortProxy = null, bool active = true) => new()
    {
        Name = name, FactorType = type, Method = method, EtfProxy = proxy, SpreadShortProxy = shortProxy,
        DisplayOrder = order, IsActive = active,
    };
}
