namespace SigmaSight.Service.MarketData;

/// <summary>
/// Where phase 1 gets prices (<c>MarketData:Provider</c>, environment <c>MarketData__Provider</c>):
/// <c>synthetic</c> (the demo market, the default) or <c>database</c> (imported prices only; nothing is fetched).
/// </summary>
public sealed class MarketDataOptions
{
    public const string SectionName = "MarketData";
    public const string Synthetic = "synthetic";
    public const string Database = "database";

    public static IReadOnlyList<string> Providers { get; } = [Synthetic, Database];

    public string Provider { get; set; } = Synthetic;
}
