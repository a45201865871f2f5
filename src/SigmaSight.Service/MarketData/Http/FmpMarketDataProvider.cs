using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using SigmaSight.Service.Batches;

namespace SigmaSight.Service.MarketData.Http;

/// <summary>
/// The HTTP provider (<c>MarketData:Provider = http</c>): Financial Modeling Prep's daily history, one request per
/// symbol (<c>GET /api/v3/historical-price-full/{symbol}?from=&amp;to=&amp;apikey=</c>), at most
/// <see cref="HttpProviderOptions.MaxConcurrency"/> at once. Retries, backoff, Retry-After and timeouts are the
/// resilience handler's (<see cref="HttpProviderRegistration"/>). A 404 or an empty history leaves the symbol absent
/// (a fallback may fill it); a malformed body fails the chunk naming the symbol; a request still failing when the
/// policy gives up fails it as transient (Hangfire retries). Reference data comes from each symbol's profile
/// (<c>GET /api/v3/profile/{symbol}</c>, <see cref="FmpProfile"/>), asked for once per
/// <see cref="HttpProviderOptions.ProfileMaxAge"/>, with the same rules. The API key is never logged nor put in an error.
/// </summary>
public sealed partial class FmpMarketDataProvider(HttpClient http, IOptions<HttpProviderOptions> options, FmpProfileCache profiles,
    ILogger<FmpMarketDataProvider> logger) : IMarketDataProvider
{
    public string Source => FmpHistory.SourceName;

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>>> GetClosesAsync(
        IReadOnlyCollection<string> symbols, DateOnly firstDate, DateOnly lastDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var found = new Dictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>>(StringComparer.Ordinal);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(symbols.Distinct(StringComparer.Ordinal), parallel, async (symbol, token) =>
        {
            var closes = await GetAsync(symbol, firstDate, lastDate, token).ConfigureAwait(false);
            if (closes is null) return;
            lock (found) found[symbol] = closes;
        }).ConfigureAwait(false);
        return found;
    }

    /// <summary>
    /// Each symbol's profile (<c>GET /api/v3/profile/{symbol}</c>), asked for at most once per
    /// <see cref="HttpProviderOptions.ProfileMaxAge"/> (<see cref="FmpProfileCache"/>); symbols without one are absent.
    /// </summary>
    public async Task<IReadOnlyList<SecurityReference>> GetSecuritiesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var found = new List<SecurityReference>();
        var wanted = new List<string>();
        foreach (var symbol in symbols.Distinct(StringComparer.Ordinal))
        {
            if (!profiles.TryGet(symbol, out var cached)) wanted.Add(symbol);
            else if (cached is not null) found.Add(cached);
        }
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(wanted, parallel, async (symbol, token) =>
        {
            var security = await GetProfileAsync(symbol, token).ConfigureAwait(false);
            profiles.Set(symbol, security);
            if (security is null) return;
            lock (found) found.Add(security);
        }).ConfigureAwait(false);
        return [.. found.OrderBy(s => s.Symbol, StringComparer.Ordinal)];
    }

    private async Task<IReadOnlyList<KeyValuePair<DateOnly, decimal>>?> GetAsync(string symbol, DateOnly from, DateOnly to,
        CancellationToken cancellationToken)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        var body = await GetBodyAsync("historical-price-full", symbol, query, FmpHistory.Answer, cancellationToken).ConfigureAwait(false);
        var closes = body is null ? null : FmpHistory.Parse(symbol, body, from, to);
        if (closes is null) LogAbsent(logger, symbol, from, to);
        else LogFetched(logger, symbol, from, to, closes.Count);
        return closes;
    }

    private async Task<SecurityReference?> GetProfileAsync(string symbol, CancellationToken cancellationToken)
    {
        var body = await GetBodyAsync("profile", symbol, null, FmpProfile.Answer, cancellationToken).ConfigureAwait(false);
        var profile = body is null ? null : FmpProfile.Parse(symbol, body);
        if (profile is not { } read)
        {
            LogNoProfile(logger, symbol);
            return null;
        }
        if (read.Security.AssetType == AssetTypes.Stock && read.Security.Sector is null)
            LogUnclassified(logger, symbol, read.VendorSector ?? "(none)");
        return read.Security;
    }

    /// <summary>The body of <c>GET /api/v3/{endpoint}/{symbol}?{query}&amp;apikey=</c>; null on a 404 (the vendor lacks the symbol).</summary>
    private async Task<string?> GetBodyAsync(string endpoint, string symbol, string? query, string answer, CancellationToken cancellationToken)
    {
        var parameters = new List<string>();
        if (query is not null) parameters.Add(query);
        if (options.Value.ApiKey.Length > 0) parameters.Add($"apikey={Uri.EscapeDataString(options.Value.ApiKey)}");
        var path = $"api/v3/{endpoint}/{Uri.EscapeDataString(symbol)}" + (parameters.Count == 0 ? "" : "?" + string.Join('&', parameters));
        try
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                throw new NonTransientBatchException($"provider {Source} refused the request for {symbol} with " +
                    $"{(int)response.StatusCode} {response.StatusCode}: check MarketData:Http:ApiKey");
            if (!response.IsSuccessStatusCode)
                throw new MarketDataUnavailableException($"provider {Source}: {answer} of {symbol} unavailable: " +
                    $"{(int)response.StatusCode} {response.StatusCode} after {options.Value.MaxRetries} retries");
            return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new MarketDataUnavailableException($"provider {Source}: {answer} of {symbol} unavailable: " +
                $"{e.GetType().Name}: {e.Message}", e);
        }
    }

    [LoggerMessage(EventId = 2010, Level = LogLevel.Debug, Message = "Provider fmp: {Symbol} {From:yyyy-MM-dd}..{To:yyyy-MM-dd}: {Closes} closes")]
    private static partial void LogFetched(ILogger logger, string symbol, DateOnly from, DateOnly to, int closes);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information,
        Message = "Provider fmp has no daily history for {Symbol} {From:yyyy-MM-dd}..{To:yyyy-MM-dd}: left to the fallback, if any")]
    private static partial void LogAbsent(ILogger logger, string symbol, DateOnly from, DateOnly to);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information,
        Message = "Provider fmp has no profile for {Symbol}: its reference data is left to the fallback, if any, or as stored")]
    private static partial void LogNoProfile(ILogger logger, string symbol);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Warning,
        Message = "Provider fmp: the profile of stock {Symbol} names sector '{VendorSector}', which maps to no GICS sector: stored without a sector (sector exposure counts it as unclassified)")]
    private static partial void LogUnclassified(ILogger logger, string symbol, string vendorSector);
}
