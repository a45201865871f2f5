namespace SigmaSight.Service.MarketData.Http;

/// <summary>
/// A vendor request that still failed when the resilience policy gave up (5xx, 408 or 429 on every attempt, timeouts,
/// connection errors). Transient: Hangfire retries the chunk later.
/// </summary>
public sealed class MarketDataUnavailableException : Exception
{
    public MarketDataUnavailableException() { }

    public MarketDataUnavailableException(string message) : base(message) { }

    public MarketDataUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
