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
/// policy gives up fails it as transient (Hangfire retries). It supplies no reference data (securities stay as stored
/// or come from a fallback). The API key is never logged nor put in an error.
/// </summary>
public sealed partial class FmpMarketDataProvider(HttpClient http, IOptions<HttpProviderOptions> options,
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

    public Task<IReadOnlyList<SecurityReference>> GetSecuritiesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SecurityReference>>([]);

    private async Task<IReadOnlyList<KeyValuePair<DateOnly, decimal>>?> GetAsync(string symbol, DateOnly from, DateOnly to,
        CancellationToken cancellationToken)
    {
        var path = $"api/v3/historical-price-full/{Uri.EscapeDataString(symbol)}";
        var query = string.Create(CultureInfo.InvariantCulture, $"?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        if (options.Value.ApiKey.Length > 0) query += $"&apikey={Uri.EscapeDataString(options.Value.ApiKey)}";
        string body;
        try
        {
            using var response = await http.GetAsync(new Uri(path + query, UriKind.Relative), cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                LogAbsent(logger, symbol, from, to);
                return null;
            }
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                throw new NonTransientBatchException($"provider {Source} refused the request for {symbol} with " +
                    $"{(int)response.StatusCode} {response.StatusCode}: check MarketData:Http:ApiKey");
            if (!response.IsSuccessStatusCode)
                throw new MarketDataUnavailableException($"provider {Source}: daily history of {symbol} unavailable: " +
                    $"{(int)response.StatusCode} {response.StatusCode} after {options.Value.MaxRetries} retries");
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new MarketDataUnavailableException($"provider {Source}: daily history of {symbol} unavailable: " +
                $"{e.GetType().Name}: {e.Message}", e);
        }
        var closes = FmpHistory.Parse(symbol, body, from, to);
        if (closes is null) LogAbsent(logger, symbol, from, to);
        else LogFetched(logger, symbol, from, to, closes.Count);
        return closes;
    }

    [LoggerMessage(EventId = 2010, Level = LogLevel.Debug, Message = "Provider fmp: {Symbol} {From:yyyy-MM-dd}..{To:yyyy-MM-dd}: {Closes} closes")]
    private static partial void LogFetched(ILogger logger, string symbol, DateOnly from, DateOnly to, int closes);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information,
        Message = "Provider fmp has no daily history for {Symbol} {From:yyyy-MM-dd}..{To:yyyy-MM-dd}: left to the fallback, if any")]
    private static partial void LogAbsent(ILogger logger, string symbol, DateOnly from, DateOnly to);
}
