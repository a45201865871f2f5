namespace SigmaSight.Service.MarketData;

/// <summary>
/// Reference data of a priced symbol, as a provider reports it and <c>securities</c> stores it.
/// <paramref name="AssetType"/> is STOCK, ETF, FUND (mutual fund) or INDEX; <paramref name="Sector"/> and
/// <paramref name="Industry"/> are the GICS sector and industry of a stock, null for ETFs, funds and indexes (which
/// sector exposure puts in buckets of their own).
/// </summary>
public sealed record SecurityReference(string Symbol, string Name, string AssetType, string? Sector, string? Industry);
