using SigmaSight.Service.MarketData.Database;
using SigmaSight.Service.MarketData.Synthetic;

namespace SigmaSight.Service.MarketData;

/// <summary>
/// Chooses the market data provider from <c>MarketData:Provider</c>: the synthetic demo market (the default, no
/// network) or the database-only provider. An unknown value stops the host at start with the accepted values.
/// </summary>
public static class MarketDataRegistration
{
    public static IServiceCollection AddMarketDataProvider(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MarketDataOptions>().BindConfiguration(MarketDataOptions.SectionName);
        var configured = configuration[$"{MarketDataOptions.SectionName}:{nameof(MarketDataOptions.Provider)}"];
        var provider = string.IsNullOrWhiteSpace(configured) ? MarketDataOptions.Synthetic : configured.Trim().ToLowerInvariant();
        services.AddScoped<SyntheticMarketDataProvider>();
        switch (provider)
        {
            case MarketDataOptions.Synthetic:
                services.AddScoped<IMarketDataProvider>(s => s.GetRequiredService<SyntheticMarketDataProvider>());
                break;
            case MarketDataOptions.Database:
                services.AddScoped<IMarketDataProvider, DatabaseMarketDataProvider>();
                break;
            default:
                throw new InvalidOperationException(
                    $"MarketData:Provider '{configured}' is not one of: {string.Join(", ", MarketDataOptions.Providers)}");
        }
        return services;
    }
}
