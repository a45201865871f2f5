using System.Text.Json;

namespace SigmaSight.Service.MarketData.Http;

/// <summary>What reading any of the vendor's answers shares: the body as a JSON document, and a value kind's name for errors.</summary>
internal static class FmpJson
{
    /// <summary>The parsed body; a body that is not JSON throws <see cref="MarketDataFormatException"/> naming the symbol and <paramref name="answer"/>.</summary>
    public static JsonDocument Parse(string symbol, string body, string answer)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw MarketDataFormatException.For(FmpHistory.SourceName, symbol,
                $"the body is not JSON ({e.Message}); it starts with '{(body.Length <= 40 ? body : body[..40] + "…")}'", e, answer);
        }
    }

    public static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();
}
