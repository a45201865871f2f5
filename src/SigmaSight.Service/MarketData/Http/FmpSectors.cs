using SigmaSight.Service.Risk;

namespace SigmaSight.Service.MarketData.Http;

/// <summary>
/// Financial Modeling Prep's sector names (Morningstar's eleven) mapped to the GICS names <c>securities.sector</c> and
/// the benchmark weights use. The two schemes name nearly the same eleven groups; the map is by name, so a company the
/// schemes place differently (rare) keeps the vendor's placement. A GICS name passes through unchanged.
/// </summary>
public static class FmpSectors
{
    private static readonly Dictionary<string, string> Map = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Technology"] = "Information Technology",
        ["Healthcare"] = "Health Care",
        ["Financial Services"] = "Financials",
        ["Consumer Cyclical"] = "Consumer Discretionary",
        ["Consumer Defensive"] = "Consumer Staples",
        ["Basic Materials"] = "Materials",
        ["Communication Services"] = "Communication Services",
        ["Industrials"] = "Industrials",
        ["Energy"] = "Energy",
        ["Utilities"] = "Utilities",
        ["Real Estate"] = "Real Estate",
    };

    /// <summary>The GICS sector of a vendor's sector name; null when it names none (the stock is then unclassified).</summary>
    public static string? ToGics(string? vendorSector)
    {
        if (string.IsNullOrWhiteSpace(vendorSector)) return null;
        var name = vendorSector.Trim();
        if (Map.TryGetValue(name, out var gics)) return gics;
        return GicsSectors.All.FirstOrDefault(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase));
    }
}
