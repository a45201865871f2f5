namespace SigmaSight.Service.MarketData.Synthetic;

/// <summary>
/// Everything a <see cref="SyntheticMarket"/> depends on: the random <paramref name="Seed"/>, the
/// <paramref name="AnchorDate"/> on which each symbol closes exactly at its <paramref name="AnchorCloses"/> value
/// (≤ 4 decimal places, &gt; 0), and how many trading days before the anchor the series start.
/// </summary>
public sealed record SyntheticMarketDefinition(
    int Seed,
    DateOnly AnchorDate,
    IReadOnlyDictionary<string, decimal> AnchorCloses,
    int OriginTradingDaysBeforeAnchor = 400);
