using SigmaSight.Service.MarketData.Synthetic;

namespace SigmaSight.Service.MarketData;

/// <summary>Chooses the market data provider; the synthetic demo market is the default (no network).</summary>
public static class MarketDataRegistration
{
    public static IServiceCollection AddMarketDataProvider(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SyntheticMarketDataProvider>();
        services.AddScoped<IMarketDataProvider>(s => s.GetRequiredService<SyntheticMarketDataProvider>());
        return services;
    }
}
