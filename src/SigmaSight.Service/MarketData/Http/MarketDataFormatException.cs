using SigmaSight.Service.Batches;

namespace SigmaSight.Service.MarketData.Http;

/// <summary>
/// A vendor answer that cannot be read (not JSON, the wrong shape, a row without a date or a numeric close, a profile
/// without a name), or a
/// refusal a retry cannot fix (401/403: the API key). Names the provider, the symbol and what was wrong. It fails the
/// chunk at once (no Hangfire retry): the vendor's contract is broken, and valuing on a fallback's prices without
/// anyone looking would hide it.
/// </summary>
public sealed class MarketDataFormatException : NonTransientBatchException
{
    public MarketDataFormatException() { }

    public MarketDataFormatException(string message) : base(message) { }

    public MarketDataFormatException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>"provider fmp: malformed daily history for IBM: …" (<paramref name="answer"/> names what was asked).</summary>
    public static MarketDataFormatException For(string source, string symbol, string problem, Exception? inner, string answer)
    {
        var message = $"provider {source}: malformed {answer} for {symbol}: {problem}";
        return inner is null ? new MarketDataFormatException(message) : new MarketDataFormatException(message, inner);
    }
}
