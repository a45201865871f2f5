namespace SigmaSight.Service.Portfolios.Demo;

/// <summary>
/// Reference data of a priced demo symbol. <paramref name="AssetType"/> is STOCK, ETF, FUND (mutual fund) or INDEX;
/// <paramref name="Sector"/> is the GICS sector for stocks and null for ETFs, funds and indexes.
/// </summary>
public sealed record DemoSecurity(string Symbol, string Name, string AssetType, string? Sector);
