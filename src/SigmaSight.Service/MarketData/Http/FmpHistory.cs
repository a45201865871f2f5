using System.Globalization;
using System.Text.Json;

namespace SigmaSight.Service.MarketData.Http;

/// <summary>
/// Reads Financial Modeling Prep's <c>/api/v3/historical-price-full/{symbol}</c> answer:
/// <c>{"symbol": "IBM", "historical": [{"date": "2000-12-29", "close": 85.0, ...}, ...]}</c>, newest first. The
/// <c>close</c> (split-adjusted, not dividend-adjusted) is used. An empty object, or no rows, means the vendor does not
/// have the symbol: the answer is null and a fallback may fill it. Anything else unexpected throws
/// <see cref="MarketDataFormatException"/> naming the symbol and the fault.
/// </summary>
public static class FmpHistory
{
    public const string SourceName = "fmp";

    /// <summary>What this answer is called in errors: "provider fmp: malformed daily history for IBM: …".</summary>
    public const string Answer = "daily history";

    /// <summary>The closes in [from, to], oldest first; null when the vendor has no history for the symbol.</summary>
    public static IReadOnlyList<KeyValuePair<DateOnly, decimal>>? Parse(string symbol, string body, DateOnly from, DateOnly to)
    {
        using var document = FmpJson.Parse(symbol, body, Answer);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw Malformed(symbol, $"expected a JSON object, got {FmpJson.Kind(root)}");
        if (root.TryGetProperty("Error Message", out var error))
            throw Malformed(symbol, $"the vendor answered with an error: {error}");
        if (!root.TryGetProperty("historical", out var rows))
            return root.EnumerateObject().Any() ? throw Malformed(symbol, "the object has no 'historical' array") : null;
        if (root.TryGetProperty("symbol", out var named) && named.ValueKind == JsonValueKind.String
            && !string.Equals(named.GetString(), symbol, StringComparison.OrdinalIgnoreCase))
            throw Malformed(symbol, $"the answer is for symbol '{named.GetString()}'");
        if (rows.ValueKind != JsonValueKind.Array) throw Malformed(symbol, $"'historical' is {FmpJson.Kind(rows)}, not an array");
        var closes = new SortedDictionary<DateOnly, decimal>();
        var index = 0;
        foreach (var row in rows.EnumerateArray())
        {
            var (date, close) = Row(symbol, row, index++);
            if (!closes.TryAdd(date, close)) throw Malformed(symbol, $"historical[{index - 1}]: date {date:yyyy-MM-dd} appears twice");
        }
        return closes.Count == 0 ? null : [.. closes.Where(c => c.Key >= from && c.Key <= to)];
    }

    private static (DateOnly Date, decimal Close) Row(string symbol, JsonElement row, int index)
    {
        if (row.ValueKind != JsonValueKind.Object) throw Malformed(symbol, $"historical[{index}] is {FmpJson.Kind(row)}, not an object");
        if (!row.TryGetProperty("date", out var date) || date.ValueKind != JsonValueKind.String
            || !DateOnly.TryParseExact(date.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw Malformed(symbol, $"historical[{index}].date is missing or not a yyyy-MM-dd date");
        if (!row.TryGetProperty("close", out var close) || close.ValueKind != JsonValueKind.Number || !close.TryGetDecimal(out var value))
            throw Malformed(symbol, $"historical[{index}].close ({day:yyyy-MM-dd}) is missing or not a number");
        return (day, value);
    }

    private static MarketDataFormatException Malformed(string symbol, string problem) =>
        MarketDataFormatException.For(SourceName, symbol, problem, null, Answer);
}
