namespace SigmaSight.Service.MarketData;

/// <summary>
/// Where phase 1 gets prices (<c>MarketData:Provider</c>, environment <c>MarketData__Provider</c>): <c>synthetic</c>
/// (the demo market, the default), <c>database</c> (imported prices only; nothing is fetched) or <c>http</c> (a
/// vendor's daily-history API, <see cref="Http.HttpProviderOptions"/>). <c>MarketData:Fallback</c> is an optional
/// comma list of further providers asked, in order, only for the symbols and days the ones before them lacked.
/// </summary>
public sealed class MarketDataOptions
{
    public const string SectionName = "MarketData";
    public const string Synthetic = "synthetic";
    public const string Database = "database";
    public const string Http = "http";

    public static IReadOnlyList<string> Providers { get; } = [Synthetic, Database, Http];

    public string Provider { get; set; } = Synthetic;

    /// <summary>Comma list of fallback providers (each one of <see cref="Providers"/>), empty for none.</summary>
    public string Fallback { get; set; } = "";
}
