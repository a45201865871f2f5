namespace SigmaSight.Service.MarketData;

/// <summary>Reference data of a priced symbol.</summary>
public sealed class Security
{
    public required string Symbol { get; set; }
    public string? Name { get; set; }
    public string? AssetType { get; set; }
    public string? Sector { get; set; }
    public string? Industry { get; set; }
}
