namespace SigmaSight.Analytics.Pnl;

/// <summary>
/// One portfolio's snapshot at the close of D (docs/pnl-model.md). Money is rounded to 2 dp (midpoint away from zero):
/// Nav = round2(cash + Σ MV), Cash = round2(cash), DailyPnl = Nav − previous Nav − DailyCapitalFlow,
/// DailyReturn = round10(DailyPnl / previous Nav) or null with <see cref="DailyReturnNote"/> when previous Nav ≤ 0,
/// cumulative figures = previous + daily; LongValue/ShortValue = round2(Σ MV &gt; 0 / Σ MV &lt; 0),
/// GrossExposure = round2(Σ |MV|), NetExposure = round2(Σ MV); counts are over lots open at the close of D.
/// </summary>
public sealed record PortfolioDayResult(
    DateOnly Date,
    decimal Nav,
    decimal Cash,
    decimal DailyPnl,
    decimal? DailyReturn,
    string? DailyReturnNote,
    decimal CumulativePnl,
    decimal DailyRealizedPnl,
    decimal CumulativeRealizedPnl,
    decimal DailyCapitalFlow,
    decimal CumulativeCapitalFlow,
    decimal LongValue,
    decimal ShortValue,
    decimal GrossExposure,
    decimal NetExposure,
    int NumPositions,
    int NumLongPositions,
    int NumShortPositions,
    int StalePriceCount,
    IReadOnlyList<LotValue> OpenLots);
