namespace SigmaSight.Service.Portfolios.Demo;

/// <summary>The positions of reference §4.2, lot by lot.</summary>
public static partial class DemoCatalog
{
    private const string FamilyOffice = "demo_familyoffice@sigmasight.com";

    // Builders use no static field: they may run before other parts' initialisers.
    // Stated leverage (gross and net exposure over NAV, every day): fully invested long-only books stay near 1×; the
    // hedge fund is 130/70 long/short at entry (gross 2.0×, net 0.6×).
    private static List<DemoPortfolio> BuildPortfolios() =>
    [
        Portfolio("1d8ddd95-3b45-0ac5-35bf-cf81af94a5fe", "Demo Individual Investor Portfolio",
            "demo_individual@sigmasight.com", 485_000.00m, IndividualLots(), LongOnly()),
        Portfolio("e23ab931-a033-edfe-ed4f-9d02474780b4", "Demo High Net Worth Investor Portfolio",
            "demo_hnw@sigmasight.com", 2_850_000.00m, HighNetWorthLots(), LongOnly()),
        Portfolio("fcd71196-e93e-f000-5a74-31a9eead3118", "Demo Hedge Fund Style Investor Portfolio",
            "demo_hedgefundstyle@sigmasight.com", 3_200_000.00m, HedgeFundLots(), new(1.5, 2.5, 0.3, 0.9)),
        Portfolio("9381dd8d-db58-9843-f5e4-4eea0ae62e9a", "Demo Family Office Public Growth",
            FamilyOffice, 1_250_000.00m, FamilyOfficePublicLots(), LongOnly()),
        Portfolio("ab46c3c0-ed71-6f5b-b3f3-d36fa65e210c", "Demo Family Office Private Opportunities",
            FamilyOffice, 950_000.00m, FamilyOfficePrivateLots(), LongOnly()),
    ];

    private static DemoLeverage LongOnly() => new(0.9, 1.1, 0.9, 1.1);

    private static DemoLot[] IndividualLots() =>
    [
        Stock("AAPL", 80.90m, 204.9374m), Stock("AMZN", 102.88m, 219.39m), Stock("BND", 298.66m, 72.4414m),
        Stock("FCNTX", 4597.79m, 23.33m), Stock("FMAGX", 3677.83m, 15.67m), Stock("FXNAX", 4137.31m, 10.3446m),
        Stock("GOOGL", 108.87m, 176.0725m), Stock("JNJ", 99.88m, 151.637m), Stock("JPM", 80.90m, 287.1241m),
        Stock("MSFT", 42.95m, 496.5937m), Stock("NVDA", 23.97m, 157.9811m), Stock("TSLA", 65.92m, 317.66m),
        Stock("V", 46.94m, 354.4264m), Stock("VNQ", 201.77m, 88.2174m), Stock("VTI", 146.83m, 303.0875m),
        Stock("VTIAX", 919.95m, 36.9219m),
    ];

    /// <summary>The 30 seeded lots, then the nine the original silently dropped (same entry prices), kept on purpose.</summary>
    private static DemoLot[] HighNetWorthLots() =>
    [
        Stock("AAPL", 307.65m, 204.9374m), Stock("AMZN", 369.80m, 219.39m), Stock("BRK-B", 138.54m, 485.77m),
        Stock("DJP", 1462.91m, 33.98m), Stock("GLD", 250.60m, 304.83m), Stock("GOOGL", 38.71m, 176.0725m),
        Stock("HD", 96.77m, 364.5717m), Stock("JNJ", 238.37m, 151.637m), Stock("JPM", 269.95m, 287.1241m),
        Stock("META", 69.26m, 737.5922m), Stock("MSFT", 77.42m, 496.5937m), Stock("NVDA", 19.35m, 157.9811m),
        Stock("PG", 192.53m, 157.139m), Stock("QQQ", 346.36m, 551.0012m), Stock("SPY", 307.65m, 616.1418m),
        Stock("TSLA", 58.06m, 317.66m), Stock("UNH", 65.19m, 310.0142m), Stock("V", 131.41m, 354.4264m),
        Stock("VTI", 616.33m, 303.0875m),
        Held("A16Z_VC_FUND", 1.01m, 126529.90m), Held("ART_COLLECTIBLES", 1.01m, 25305.98m),
        Held("BX_PRIVATE_EQUITY", 1.01m, 253058.86m), Held("CRYPTO_BTC_ETH", 1.01m, 37958.97m),
        Held("HOME_EQUITY", 1.03m, 253059.80m), Held("MONEY_MARKET", 1.01m, 50611.96m),
        Held("RENTAL_CONDO", 1.01m, 126529.90m), Held("RENTAL_SFH", 1.01m, 126529.90m),
        Held("STARWOOD_REIT", 1.01m, 126529.90m), Held("TREASURY_BILLS", 1.01m, 25305.98m),
        Held("TWO_SIGMA_FUND", 1.01m, 126529.90m),
        Stock("GOOGL", 385.08m, 176.0725m), Stock("GOOGL", 38.71m, 176.0725m), Stock("GOOGL", 38.71m, 176.0725m),
        Stock("MSFT", 77.42m, 496.5937m), Stock("MSFT", 77.42m, 496.5937m), Stock("MSFT", 153.82m, 496.5937m),
        Stock("NVDA", 53.98m, 157.9811m), Stock("TSLA", 58.06m, 317.66m), Stock("TSLA", 58.06m, 317.66m),
    ];

    /// <summary>
    /// The original's 13 longs, 9 shorts and 8 options, resized (issue 8 point 7): its options were deep in the money
    /// (SPY 460C and QQQ 420C against closes of 616 and 551) in hundreds of contracts, −7.9M of cash and 13M of longs
    /// on 3.2M of equity. Here long quantities are the original's × 1.3 and short quantities × 1.4, rounded to cents
    /// (130 % long, 70 % short: gross 2.0×, net 0.6×), and each option is re-struck near the money against its
    /// underlying's close at entry (the anchor close) and sized in whole contracts to a few percent of equity:
    /// AAPL 200P → 195P (K/S 0.95), META 450P → 700P (0.95), MSFT 380P → 470P (0.95), NVDA 800C → 165C (1.04),
    /// QQQ 420C → 555C (1.01), SPY 460C → 620C (1.01), TSLA 300C → 350C (1.10, covered by the TSLA long), VIX 25C →
    /// 19C (1.14). Symbols, position types and expiries are the original's.
    /// </summary>
    private static DemoLot[] HedgeFundLots() =>
    [
        Stock("AAPL", 1732.26m, 204.9374m), Stock("AMD", 1385.81m, 141.90m), Stock("AMZN", 1616.77m, 219.39m),
        Stock("BRK-B", 692.90m, 485.77m), Stock("GOOGL", 2078.71m, 176.0725m), Stock("JNJ", 923.87m, 151.637m),
        Stock("JPM", 1154.84m, 287.1241m), Stock("META", 1154.84m, 737.5922m), Stock("MSFT", 1154.84m, 496.5937m),
        Stock("NVDA", 923.87m, 157.9811m), Stock("TSLA", 923.87m, 317.66m), Stock("UNH", 230.96m, 310.0142m),
        Stock("V", 403.56m, 354.4264m),
        Stock("C", -1783.40m, 84.0626m), Stock("F", -11750.03m, 10.5838m), Stock("GE", -940.21m, 256.701m),
        Stock("NFLX", -705.17m, 1339.13m), Stock("PTON", -3524.46m, 6.94m), Stock("ROKU", -2115.50m, 87.89m),
        Stock("SHOP", -1175.27m, 115.35m), Stock("XOM", -2349.19m, 106.8061m), Stock("ZM", -2349.19m, 77.98m),
        Option("AAPL250815P00195000", "SP", -10m, "AAPL", 195m, new(2025, 8, 15)),
        Option("META250919P00700000", "SP", -3m, "META", 700m, new(2025, 9, 19)),
        Option("MSFT250919P00470000", "SP", -4m, "MSFT", 470m, new(2025, 9, 19)),
        Option("NVDA251017C00165000", "LC", 20m, "NVDA", 165m, new(2025, 10, 17)),
        Option("QQQ250815C00555000", "LC", 6m, "QQQ", 555m, new(2025, 8, 15)),
        Option("SPY250919C00620000", "LC", 6m, "SPY", 620m, new(2025, 9, 19)),
        Option("TSLA250815C00350000", "SC", -8m, "TSLA", 350m, new(2025, 8, 15)),
        Option("VIX250716C00019000", "LC", 50m, "VIX", 19m, new(2025, 7, 16)),
    ];

    private static DemoLot[] FamilyOfficePublicLots() =>
    [
        Stock("ASML", 189m, 797.9467m), Stock("AVGO", 166m, 275.1785m), Stock("BIL", 1089m, 90.18m),
        Stock("COST", 260m, 987.1738m), Stock("IGV", 473m, 109.50m), Stock("JEPQ", 827m, 52.2119m),
        Stock("LULU", 355m, 237.58m), Stock("NEE", 592m, 68.8873m), Stock("SCHD", 769m, 26.2485m),
        Stock("SMH", 592m, 278.88m), Stock("XLK", 710m, 252.905m), Stock("XLY", 532m, 216.9474m),
    ];

    private static DemoLot[] FamilyOfficePrivateLots() =>
    [
        Held("FO_ART_COLLECTIVE", 1m, 29081.63m), Held("FO_CRYPTO_DIGITAL", 1m, 29081.63m),
        Held("FO_GROWTH_PE", 1m, 203571.43m), Held("FO_HOME_RENTAL", 1m, 82397.96m),
        Held("FO_IMPACT_LENDING", 1m, 53316.33m), Held("FO_INFRASTRUCTURE", 1m, 87244.90m),
        Held("FO_PRIVATE_CREDIT", 1m, 218112.25m), Held("FO_REAL_ASSET_REIT", 1m, 106632.65m),
        Held("FO_VC_SECONDARIES", 1m, 140561.22m),
    ];

    /// <summary>Builds a portfolio, numbering lots 0, 1, 2, … per symbol in list order.</summary>
    private static DemoPortfolio Portfolio(string id, string name, string owner, decimal equity, DemoLot[] lots,
        DemoLeverage leverage)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var numbered = lots.Select(lot =>
        {
            var index = seen.GetValueOrDefault(lot.Symbol);
            seen[lot.Symbol] = index + 1;
            return lot with { LotIndex = index };
        }).ToList();
        return new DemoPortfolio(Guid.Parse(id), name, owner, equity, numbered, leverage);
    }

    /// <summary>A public stock, ETF or fund lot: LONG when the quantity is positive, else SHORT.</summary>
    private static DemoLot Stock(string symbol, decimal quantity, decimal entryPrice) =>
        new(symbol, quantity, entryPrice, quantity < 0 ? LotCodes.ShortHolding : LotCodes.LongHolding, LotCodes.Public, 0);

    /// <summary>A private asset lot (always LONG).</summary>
    private static DemoLot Held(string symbol, decimal quantity, decimal entryPrice) =>
        new(symbol, quantity, entryPrice, LotCodes.LongHolding, LotCodes.Private, 0);

    /// <summary>An option lot; entry price 0 until the seeder prices it.</summary>
    private static DemoLot Option(string symbol, string type, decimal quantity, string underlying, decimal strike,
        DateOnly expiry) => new(symbol, quantity, 0m, type, LotCodes.Options, 0, underlying, strike, expiry);
}
