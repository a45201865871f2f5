using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using SigmaSight.Service.Hosting.Validation;

namespace SigmaSight.Service.MarketData.Http;

/// <summary>
/// Registers <see cref="FmpMarketDataProvider"/>'s typed HttpClient with the standard resilience handler
/// (Microsoft.Extensions.Http.Resilience): per-attempt timeout, retries with exponential backoff and jitter on
/// 5xx, 408, 429 and timeouts (a 429's or 503's Retry-After replaces the computed delay), a circuit breaker, and a total
/// timeout, all from <see cref="HttpProviderOptions"/>. The factory's request logging is removed: the URL carries the
/// API key.
/// </summary>
public static class HttpProviderRegistration
{
    public const string ClientName = "fmp";

    public static IServiceCollection AddHttpMarketDataProvider(this IServiceCollection services)
    {
        services.AddValidatedOptions<HttpProviderOptions>(HttpProviderOptions.SectionName, HttpProviderOptions.Rules);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FmpProfileCache>();
        services.AddHttpClient<FmpMarketDataProvider>(ClientName, (s, client) =>
            {
                var options = s.GetRequiredService<IOptions<HttpProviderOptions>>().Value;
                client.BaseAddress = new Uri(options.BaseUrl.TrimEnd('/') + "/", UriKind.Absolute);
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .RemoveAllLoggers()
            .AddStandardResilienceHandler()
            .Configure((resilience, s) => Apply(resilience, s.GetRequiredService<IOptions<HttpProviderOptions>>().Value));
        return services;
    }

    /// <summary>The standard handler's settings from the options (public so a test can show what it gets).</summary>
    public static void Apply(HttpStandardResilienceOptions resilience, HttpProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(resilience);
        ArgumentNullException.ThrowIfNull(options);
        resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = options.TotalTimeout;
        resilience.Retry.MaxRetryAttempts = options.MaxRetries;
        resilience.Retry.Delay = options.RetryDelay;
        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;
        resilience.Retry.ShouldRetryAfterHeader = true;
        resilience.CircuitBreaker.SamplingDuration = options.AttemptTimeout * 2 > TimeSpan.FromSeconds(30)
            ? options.AttemptTimeout * 2 : TimeSpan.FromSeconds(30);
    }
}
