namespace SigmaSight.Service.MarketData.Synthetic;

/// <summary>
/// The factor loadings of a symbol. Factor ETFs and VIX are fixed proxies (SPY = Market, VTV = 0.95·Market + Value,
/// VUG = 1.05·Market + Growth, MTUM = Market + Momentum, QUAL = 0.98·Market + Quality, IWM = 1.15·Market + Size,
/// USMV = 0.75·Market + LowVol, TLT = −0.2·Market + Rates, each with idiosyncratic σ 0.001 and drift 0.0002·market
/// loading; VIX = −4·Market + 0.03·ε, mean-reverting at 2 %/day so it stays in a plausible band). Every other symbol
/// draws uniform loadings from (seed, "loading:&lt;name&gt;:&lt;symbol&gt;"): market beta [0.6, 1.6], styles
/// [−0.15, 0.15], no rates, idiosyncratic σ [0.003, 0.006], drift 0.0002/day (about 14–33 % a year). Asset
/// classes other than single stocks (issue 8 point 7: each with a plausible volatility): diversified equity ETFs and
/// mutual funds (QQQ, VTI, SCHD, JEPQ, sector ETFs, VNQ, FCNTX, FMAGX, VTIAX): market [0.8, 1.2], styles [−0.2, 0.2],
/// σ [0.002, 0.005], about 16–25 % a year; bond funds (BND, FXNAX): market [0.05, 0.15], rates [0.3, 0.6], no styles, σ 0.002, about 5–7 %;
/// the T-bill fund BIL (cash-like): no market or styles, rates [0.01, 0.03], σ 0.0003, drift 0.00017/day (≈ 4.3 % a
/// year), under 1 %; commodities (GLD, DJP): market [0.1, 0.3], no styles or rates, σ [0.006, 0.01], about 11–17 %.
/// </summary>
internal static class SyntheticLoadings
{
    private const double ProxyIdio = 0.001;
    private const double Drift = 0.0002;

    private const double CashDrift = 0.00017;

    // A stock's residual on the market (styles and idiosyncratic noise) is at most about 0.5 of the market's σ, so a
    // 250-return OLS beta has a standard error of at most 0.031 and recovers the market loading within ±0.1 (issue 6
    // point 7); real stocks are noisier (residual 1–2× the market's), which no 250-day estimate could pin to ±0.1.
    private const double StockIdioLow = 0.003;
    private const double StockIdioHigh = 0.006;
    private const double StockStyleBound = 0.15;

    private static readonly HashSet<string> BondLike = new(StringComparer.Ordinal) { "BND", "FXNAX" };
    private static readonly HashSet<string> CashLike = new(StringComparer.Ordinal) { "BIL" };
    private static readonly HashSet<string> EquityFunds = new(StringComparer.Ordinal)
    {
        "QQQ", "VTI", "SCHD", "JEPQ", "XLK", "XLY", "SMH", "IGV", "VNQ", "FCNTX", "FMAGX", "VTIAX",
    };
    private static readonly HashSet<string> CommodityLike = new(StringComparer.Ordinal) { "GLD", "DJP" };

    public static FactorLoadings For(int seed, string symbol) => symbol switch
    {
        "SPY" => Proxy(1.0),
        "VTV" => Proxy(0.95) with { Value = 1.0 },
        "VUG" => Proxy(1.05) with { Growth = 1.0 },
        "MTUM" => Proxy(1.0) with { Momentum = 1.0 },
        "QUAL" => Proxy(0.98) with { Quality = 1.0 },
        "IWM" => Proxy(1.15) with { Size = 1.0 },
        "USMV" => Proxy(0.75) with { LowVol = 1.0 },
        "TLT" => Proxy(-0.2) with { Rates = 1.0 },
        "VIX" => Proxy(-4.0) with { IdiosyncraticSigma = 0.03, MeanReversion = 0.02 },
        _ when BondLike.Contains(symbol) => Unloaded with
        {
            Market = Draw(seed, "market", symbol, 0.05, 0.15),
            Rates = Draw(seed, "rates", symbol, 0.3, 0.6),
            IdiosyncraticSigma = 0.002,
        },
        _ when CashLike.Contains(symbol) => new FactorLoadings(0, 0, 0, 0, 0, 0, 0,
            Rates: Draw(seed, "rates", symbol, 0.01, 0.03), IdiosyncraticSigma: 0.0003, DailyDrift: CashDrift),
        _ when CommodityLike.Contains(symbol) => Unloaded with
        {
            Market = Draw(seed, "market", symbol, 0.1, 0.3),
            IdiosyncraticSigma = Draw(seed, "idio", symbol, 0.006, 0.01),
        },
        _ when EquityFunds.Contains(symbol) => EquityFund(seed, symbol),
        _ => Stock(seed, symbol),
    };

    private static FactorLoadings Proxy(double market) =>
        new(market, 0, 0, 0, 0, 0, 0, 0, ProxyIdio, Drift * market);

    /// <summary>No loadings and no noise: the base of the bond and commodity cases.</summary>
    private static FactorLoadings Unloaded { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, Drift);

    private static FactorLoadings Stock(int seed, string symbol) => new(
        Market: Draw(seed, "market", symbol, 0.6, 1.6),
        Value: Style(seed, "value", symbol),
        Growth: Style(seed, "growth", symbol),
        Momentum: Style(seed, "momentum", symbol),
        Quality: Style(seed, "quality", symbol),
        Size: Style(seed, "size", symbol),
        LowVol: Style(seed, "lowvol", symbol),
        Rates: 0,
        IdiosyncraticSigma: Draw(seed, "idio", symbol, StockIdioLow, StockIdioHigh),
        DailyDrift: Drift);

    private static FactorLoadings EquityFund(int seed, string symbol) => new(
        Market: Draw(seed, "market", symbol, 0.8, 1.2),
        Value: Draw(seed, "value", symbol, -0.2, 0.2),
        Growth: Draw(seed, "growth", symbol, -0.2, 0.2),
        Momentum: Draw(seed, "momentum", symbol, -0.2, 0.2),
        Quality: Draw(seed, "quality", symbol, -0.2, 0.2),
        Size: Draw(seed, "size", symbol, -0.2, 0.2),
        LowVol: Draw(seed, "lowvol", symbol, -0.2, 0.2),
        Rates: 0,
        IdiosyncraticSigma: Draw(seed, "idio", symbol, 0.002, 0.005),
        DailyDrift: Drift);

    private static double Style(int seed, string name, string symbol) => Draw(seed, name, symbol, -StockStyleBound, StockStyleBound);

    private static double Draw(int seed, string name, string symbol, double low, double high) =>
        SyntheticNoise.Uniform(seed, "loading:" + name + ":" + symbol, low, high);
}
