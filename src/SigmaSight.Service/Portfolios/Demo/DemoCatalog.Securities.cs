using SigmaSight.Service.MarketData;

namespace SigmaSight.Service.Portfolios.Demo;

/// <summary>
/// Reference data of the priced demo symbols: names as listed by their issuers; for stocks the GICS sector and
/// industry (the classification in force since the March 2023 GICS revision, e.g. Visa in Financials / Financial
/// Services, Amazon in Broadline Retail).
/// </summary>
public static partial class DemoCatalog
{
    private const string InformationTechnology = "Information Technology";
    private const string ConsumerDiscretionary = "Consumer Discretionary";
    private const string ConsumerStaples = "Consumer Staples";
    private const string CommunicationServices = "Communication Services";
    private const string Financials = "Financials";
    private const string HealthCare = "Health Care";

    private static SecurityReference[] BuildSecurities() =>
    [
        Equity("AAPL", "Apple Inc.", InformationTechnology, "Technology Hardware, Storage & Peripherals"),
        Equity("AMD", "Advanced Micro Devices, Inc.", InformationTechnology, "Semiconductors & Semiconductor Equipment"),
        Equity("AMZN", "Amazon.com, Inc.", ConsumerDiscretionary, "Broadline Retail"),
        Equity("ASML", "ASML Holding N.V.", InformationTechnology, "Semiconductors & Semiconductor Equipment"),
        Equity("AVGO", "Broadcom Inc.", InformationTechnology, "Semiconductors & Semiconductor Equipment"),
        Equity("BRK-B", "Berkshire Hathaway Inc. Class B", Financials, "Financial Services"),
        Equity("C", "Citigroup Inc.", Financials, "Banks"),
        Equity("COST", "Costco Wholesale Corporation", ConsumerStaples, "Consumer Staples Distribution & Retail"),
        Equity("F", "Ford Motor Company", ConsumerDiscretionary, "Automobiles"),
        Equity("GE", "GE Aerospace", "Industrials", "Aerospace & Defense"),
        Equity("GOOGL", "Alphabet Inc. Class A", CommunicationServices, "Interactive Media & Services"),
        Equity("HD", "The Home Depot, Inc.", ConsumerDiscretionary, "Specialty Retail"),
        Equity("JNJ", "Johnson & Johnson", HealthCare, "Pharmaceuticals"),
        Equity("JPM", "JPMorgan Chase & Co.", Financials, "Banks"),
        Equity("LULU", "Lululemon Athletica Inc.", ConsumerDiscretionary, "Textiles, Apparel & Luxury Goods"),
        Equity("META", "Meta Platforms, Inc.", CommunicationServices, "Interactive Media & Services"),
        Equity("MSFT", "Microsoft Corporation", InformationTechnology, "Software"),
        Equity("NEE", "NextEra Energy, Inc.", "Utilities", "Electric Utilities"),
        Equity("NFLX", "Netflix, Inc.", CommunicationServices, "Entertainment"),
        Equity("NVDA", "NVIDIA Corporation", InformationTechnology, "Semiconductors & Semiconductor Equipment"),
        Equity("PG", "The Procter & Gamble Company", ConsumerStaples, "Household Products"),
        Equity("PTON", "Peloton Interactive, Inc.", ConsumerDiscretionary, "Leisure Products"),
        Equity("ROKU", "Roku, Inc.", CommunicationServices, "Entertainment"),
        Equity("SHOP", "Shopify Inc.", InformationTechnology, "IT Services"),
        Equity("TSLA", "Tesla, Inc.", ConsumerDiscretionary, "Automobiles"),
        Equity("UNH", "UnitedHealth Group Incorporated", HealthCare, "Health Care Providers & Services"),
        Equity("V", "Visa Inc.", Financials, "Financial Services"),
        Equity("XOM", "Exxon Mobil Corporation", "Energy", "Oil, Gas & Consumable Fuels"),
        Equity("ZM", "Zoom Communications, Inc.", InformationTechnology, "Software"),
        Etf("BIL", "SPDR Bloomberg 1-3 Month T-Bill ETF"),
        Etf("BND", "Vanguard Total Bond Market ETF"),
        Etf("DJP", "iPath Bloomberg Commodity Index Total Return ETN"),
        Etf("GLD", "SPDR Gold Shares"),
        Etf("IGV", "iShares Expanded Tech-Software Sector ETF"),
        Etf("IWM", "iShares Russell 2000 ETF"),
        Etf("JEPQ", "JPMorgan Nasdaq Equity Premium Income ETF"),
        Etf("MTUM", "iShares MSCI USA Momentum Factor ETF"),
        Etf("QQQ", "Invesco QQQ Trust, Series 1"),
        Etf("QUAL", "iShares MSCI USA Quality Factor ETF"),
        Etf("SCHD", "Schwab U.S. Dividend Equity ETF"),
        Etf("SMH", "VanEck Semiconductor ETF"),
        Etf("SPY", "SPDR S&P 500 ETF Trust"),
        Etf("TLT", "iShares 20+ Year Treasury Bond ETF"),
        Etf("USMV", "iShares MSCI USA Min Vol Factor ETF"),
        Etf("VNQ", "Vanguard Real Estate ETF"),
        Etf("VTI", "Vanguard Total Stock Market ETF"),
        Etf("VTV", "Vanguard Value ETF"),
        Etf("VUG", "Vanguard Growth ETF"),
        Etf("XLK", "Technology Select Sector SPDR Fund"),
        Etf("XLY", "Consumer Discretionary Select Sector SPDR Fund"),
        Fund("FCNTX", "Fidelity Contrafund"),
        Fund("FMAGX", "Fidelity Magellan Fund"),
        Fund("FXNAX", "Fidelity U.S. Bond Index Fund"),
        Fund("VTIAX", "Vanguard Total International Stock Index Fund Admiral Shares"),
        new("VIX", "Cboe Volatility Index", AssetTypes.Index, null, null),
    ];

    private static SecurityReference Equity(string symbol, string name, string sector, string industry) =>
        new(symbol, name, AssetTypes.Stock, sector, industry);

    private static SecurityReference Etf(string symbol, string name) => new(symbol, name, AssetTypes.Etf, null, null);

    private static SecurityReference Fund(string symbol, string name) => new(symbol, name, AssetTypes.Fund, null, null);
}
