using System.ComponentModel.DataAnnotations;

namespace SigmaSight.Service.MarketData.Http;

/// <summary>
/// The HTTP provider (<c>MarketData:Http:*</c>): Financial Modeling Prep's daily-history and profile APIs at
/// <see cref="BaseUrl"/>, called through IHttpClientFactory with the standard resilience handler (a timeout per
/// attempt, retries with exponential backoff and jitter on 5xx, 408, 429 and timeouts, Retry-After honoured, a total
/// timeout per symbol). The API key is sent as the <c>apikey</c> query parameter and never logged.
/// </summary>
public sealed class HttpProviderOptions
{
    public const string SectionName = "MarketData:Http";

    /// <summary>Scheme and host of the API (the paths <c>/api/v3/historical-price-full/{symbol}</c> and <c>/api/v3/profile/{symbol}</c> are appended).</summary>
    [Required]
    public string BaseUrl { get; set; } = "https://financialmodelingprep.com";

    /// <summary>The vendor's API key; empty sends none (a local mirror or the test server).</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Timeout of one attempt of one symbol's request.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of one symbol's request including every retry and wait; more than <see cref="AttemptTimeout"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.020", "01:00:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after the first attempt of a request (a 5xx, 408, 429 or timeout).</summary>
    [Range(1, 20)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>Base delay of the exponential backoff (with jitter); a 429's Retry-After replaces it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Symbols of a chunk requested at once.</summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>
    /// How long a symbol's profile (name, asset type, sector, industry from <c>/api/v3/profile/{symbol}</c>) is kept before
    /// it is asked for again; zero asks every night.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan ProfileMaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The base URL is absolute http(s) and the total timeout exceeds the attempt timeout.</summary>
    public static IEnumerable<string> Rules(HttpProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            yield return $"{SectionName}:{nameof(BaseUrl)} '{options.BaseUrl}' is not an absolute http(s) URL";
        if (options.TotalTimeout <= options.AttemptTimeout)
            yield return $"{SectionName}:{nameof(TotalTimeout)} ({options.TotalTimeout}) must exceed {nameof(AttemptTimeout)} ({options.AttemptTimeout})";
    }
}
