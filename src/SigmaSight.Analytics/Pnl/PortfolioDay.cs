namespace SigmaSight.Analytics.Pnl;

/// <summary>
/// Everything needed to compute one portfolio's snapshot for trading day <paramref name="Date"/>: all its lots,
/// flows and private valuations (any date), price history keyed by symbol (options need their underlying's
/// history), and the previous trading day's snapshot (null only on the first trading day on or after inception).
/// </summary>
public sealed record PortfolioDay(
    string PortfolioName,
    DateOnly Date,
    DateOnly InceptionDate,
    IReadOnlyList<Lot> Lots,
    IReadOnlyList<CapitalFlow> Flows,
    IReadOnlyList<PrivateValuation> Valuations,
    IReadOnlyDictionary<string, PriceSeries> Prices,
    PreviousSnapshot? Previous,
    PnlSettings Settings);
