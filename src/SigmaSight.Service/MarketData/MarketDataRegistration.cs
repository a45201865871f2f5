using SigmaSight.Service.MarketData.Database;
using SigmaSight.Service.MarketData.Http;
using SigmaSight.Service.MarketData.Synthetic;

namespace SigmaSight.Service.MarketData;

/// <summary>
/// Chooses the providers from <c>MarketData:Provider</c> (the primary, registered as <see cref="IMarketDataProvider"/>)
/// and <c>MarketData:Fallback</c> (a comma list, each registered under its name as a keyed service), and the
/// <see cref="MarketDataChain"/> over them. An unknown or repeated value stops the host at start naming the accepted
/// values.
/// </summary>
public static class MarketDataRegistration
{
    private const string ProviderKey = $"{MarketDataOptions.SectionName}:{nameof(MarketDataOptions.Provider)}";
    private const string FallbackKey = $"{MarketDataOptions.SectionName}:{nameof(MarketDataOptions.Fallback)}";

    public static IServiceCollection AddMarketDataProvider(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MarketDataOptions>().BindConfiguration(MarketDataOptions.SectionName);
        var (primary, fallbacks) = Chain(configuration[ProviderKey], configuration[FallbackKey]);
        services.AddScoped<SyntheticMarketDataProvider>();
        services.AddScoped<DatabaseMarketDataProvider>();
        services.AddHttpMarketDataProvider();
        services.AddScoped(s => Create(s, primary));
        foreach (var name in MarketDataOptions.Providers) services.AddKeyedScoped(name, (s, _) => Create(s, name));
        services.AddScoped(s => new MarketDataChain(
            [s.GetRequiredService<IMarketDataProvider>(), .. fallbacks.Select(f => s.GetRequiredKeyedService<IMarketDataProvider>(f))]));
        return services;
    }

    /// <summary>The primary and the fallbacks, validated: known names, none repeated, the primary not among the fallbacks.</summary>
    public static (string Primary, IReadOnlyList<string> Fallbacks) Chain(string? provider, string? fallback)
    {
        var primary = string.IsNullOrWhiteSpace(provider) ? MarketDataOptions.Synthetic : provider.Trim().ToLowerInvariant();
        if (!MarketDataOptions.Providers.Contains(primary))
            throw new InvalidOperationException($"{ProviderKey} '{provider}' is not one of: {string.Join(", ", MarketDataOptions.Providers)}");
        var fallbacks = (fallback ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => f.ToLowerInvariant()).ToList();
        if (fallbacks.FirstOrDefault(f => !MarketDataOptions.Providers.Contains(f)) is { } unknown)
            throw new InvalidOperationException($"{FallbackKey} '{unknown}' is not one of: {string.Join(", ", MarketDataOptions.Providers)}");
        if (fallbacks.Prepend(primary).GroupBy(f => f).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            throw new InvalidOperationException($"{FallbackKey} '{fallback}' repeats '{repeated.Key}' (provider {primary}): each provider may appear once");
        return (primary, fallbacks);
    }

    private static IMarketDataProvider Create(IServiceProvider services, string name) => name switch
    {
        MarketDataOptions.Synthetic => services.GetRequiredService<SyntheticMarketDataProvider>(),
        MarketDataOptions.Database => services.GetRequiredService<DatabaseMarketDataProvider>(),
        MarketDataOptions.Http => services.GetRequiredService<FmpMarketDataProvider>(),
        _ => throw new InvalidOperationException($"no market data provider named '{name}'"),
    };
}
