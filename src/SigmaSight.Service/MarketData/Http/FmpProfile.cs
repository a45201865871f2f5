using System.Text.Json;

namespace SigmaSight.Service.MarketData.Http;

/// <summary>
/// Reads Financial Modeling Prep's <c>/api/v3/profile/{symbol}</c> answer: an array holding the symbol's profile,
/// <c>[{"symbol": "AAPL", "companyName": "Apple Inc.", "sector": "Technology", "industry": "Consumer Electronics",
/// "isEtf": false, "isFund": false, ...}]</c>. An empty array or object means the vendor has no profile: the answer is
/// null and a fallback may give one. The asset type is ETF (<c>isEtf</c>), FUND (<c>isFund</c>), INDEX (a <c>^</c>
/// symbol) or STOCK; only a stock keeps a sector (mapped to GICS by <see cref="FmpSectors"/>) and an industry. Anything
/// else unexpected throws <see cref="MarketDataFormatException"/> naming the symbol and the fault.
/// </summary>
public static class FmpProfile
{
    public const string Answer = "profile";

    /// <summary>The symbol's reference data and the vendor's sector name; null when the vendor has no profile of it.</summary>
    public static (SecurityReference Security, string? VendorSector)? Parse(string symbol, string body)
    {
        using var document = FmpJson.Parse(symbol, body, Answer);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object)
        {
            if (root.TryGetProperty("Error Message", out var error)) throw Malformed(symbol, $"the vendor answered with an error: {error}");
            return root.EnumerateObject().Any() ? throw Malformed(symbol, "expected a JSON array, got an object") : null;
        }
        if (root.ValueKind != JsonValueKind.Array) throw Malformed(symbol, $"expected a JSON array, got {FmpJson.Kind(root)}");
        var profiles = root.EnumerateArray().ToList();
        if (profiles.Count == 0) return null;
        var profile = profiles.FirstOrDefault(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("symbol", out var s)
            && s.ValueKind == JsonValueKind.String && string.Equals(s.GetString(), symbol, StringComparison.OrdinalIgnoreCase));
        if (profile.ValueKind != JsonValueKind.Object)
            throw Malformed(symbol, $"none of the {profiles.Count} profiles is for {symbol}");
        return Read(symbol, profile);
    }

    private static (SecurityReference, string?) Read(string symbol, JsonElement profile)
    {
        var name = Text(symbol, profile, "companyName") ?? throw Malformed(symbol, "'companyName' is missing or empty");
        var type = Flag(symbol, profile, "isEtf") ? AssetTypes.Etf : Flag(symbol, profile, "isFund") ? AssetTypes.Fund
            : symbol.StartsWith('^') ? AssetTypes.Index : AssetTypes.Stock;
        var vendorSector = Text(symbol, profile, "sector");
        return type == AssetTypes.Stock
            ? (new SecurityReference(symbol, name, type, FmpSectors.ToGics(vendorSector), Text(symbol, profile, "industry")), vendorSector)
            : (new SecurityReference(symbol, name, type, null, null), null);
    }

    private static string? Text(string symbol, JsonElement profile, string property)
    {
        if (!profile.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw Malformed(symbol, $"'{property}' is {FmpJson.Kind(value)}, not a string");
        var text = value.GetString()!.Trim();
        return text.Length == 0 ? null : text;
    }

    private static bool Flag(string symbol, JsonElement profile, string property) =>
        !profile.TryGetProperty(property, out var value) ? false : value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            _ => throw Malformed(symbol, $"'{property}' is {FmpJson.Kind(value)}, not true or false"),
        };

    private static MarketDataFormatException Malformed(string symbol, string problem) =>
        MarketDataFormatException.For(FmpHistory.SourceName, symbol, problem, null, Answer);
}
