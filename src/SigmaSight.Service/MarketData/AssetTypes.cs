namespace SigmaSight.Service.MarketData;

/// <summary>The stored codes of <c>securities.asset_type</c>.</summary>
public static class AssetTypes
{
    public const string Stock = "STOCK";
    public const string Etf = "ETF";
    /// <summary>A mutual fund.</summary>
    public const string Fund = "FUND";
    /// <summary>The original system's spelling of <see cref="Fund"/>, still accepted in stored rows.</summary>
    public const string MutualFund = "MUTUAL_FUND";
    public const string Index = "INDEX";

    /// <summary>A fund or index: priced daily, with no GICS sector of its own (sector exposure buckets it apart).</summary>
    public static bool IsFundLike(string? assetType) => assetType is Etf or MutualFund or Fund or Index;
}
