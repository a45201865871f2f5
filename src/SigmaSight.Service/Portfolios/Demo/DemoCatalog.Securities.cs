namespace SigmaSight.Service.Portfolios.Demo;

/// <summary>Reference data of the priced demo symbols (names as listed by their issuers, GICS sectors for stocks).</summary>
public static partial class DemoCatalog
{
    private const string InformationTechnology = "Information Technology";
    private const string ConsumerDiscretionary = "Consumer Discretionary";
    private const string ConsumerStaples = "Consumer Staples";
    private const string CommunicationServices = "Communication Services";
    private const string Financials = "Financials";
    private const string HealthCare = "Health Care";

    private static DemoSecurity[] BuildSecurities() =>
    [
        Equity("AAPL", "Apple Inc.", InformationTechnology),
        Equity("AMD", "Advanced Micro Devices, Inc.", InformationTechnology),
        Equity("AMZN", "Amazon.com, Inc.", ConsumerDiscretionary),
        Equity("ASML", "ASML Holding N.V.", InformationTechnology),
        Equity("AVGO", "Broadcom Inc.", InformationTechnology),
        Equity("BRK-B", "Berkshire Hathaway Inc. Class B", Financials),
        Equity("C", "Citigroup Inc.", Financials),
        Equity("COST", "Costco Wholesale Corporation", ConsumerStaples),
        Equity("F", "Ford Motor Company", ConsumerDiscretionary),
        Equity("GE", "GE Aerospace", "Industrials"),
        Equity("GOOGL", "Alphabet Inc. Class A", CommunicationServices),
        Equity("HD", "The Home Depot, Inc.", ConsumerDiscretionary),
        Equity("JNJ", "Johnson & Johnson", HealthCare),
        Equity("JPM", "JPMorgan Chase & Co.", Financials),
        Equity("LULU", "Lululemon Athletica Inc.", ConsumerDiscretionary),
        Equity("META", "Meta Platforms, Inc.", CommunicationServices),
        Equity("MSFT", "Microsoft Corporation", InformationTechnology),
        Equity("NEE", "NextEra Energy, Inc.", "Utilities"),
        Equity("NFLX", "Netflix, Inc.", CommunicationServices),
        Equity("NVDA", "NVIDIA Corporation", InformationTechnology),
        Equity("PG", "The Procter & Gamble Company", ConsumerStaples),
        Equity("PTON", "Peloton Interactive, Inc.", ConsumerDiscretionary),
        Equity("ROKU", "Roku, Inc.", CommunicationServices),
        Equity("SHOP", "Shopify Inc.", InformationTechnology),
        Equity("TSLA", "Tesla, Inc.", ConsumerDiscretionary),
        Equity("UNH", "UnitedHealth Group Incorporated", HealthCare),
        Equity("V", "Visa Inc.", Financials),
        Equity("XOM", "Exxon Mobil Corporation", "Energy"),
        Equity("ZM", "Zoom Communications, Inc.", InformationTechnology),
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
        new("VIX", "Cboe Volatility Index", "INDEX", null),
    ];

    private static DemoSecurity Equity(string symbol, string name, string sector) => new(symbol, name, "STOCK", sector);

    private static DemoSecurity Etf(string symbol, string name) => new(symbol, name, "ETF", null);

    private static DemoSecurity Fund(string symbol, string name) => new(symbol, name, "FUND", null);
}
