namespace SigmaSight.Service.MarketData.Import;

/// <summary>One valid data line of a price file, as staged for the upsert.</summary>
public readonly record struct PriceRow(
    long Line, string Symbol, DateOnly Date, decimal Close, decimal? Open, decimal? High, decimal? Low, long? Volume);
