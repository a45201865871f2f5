namespace SigmaSight.Service.Batches;

/// <summary>The phase numbers of DESIGN §4.</summary>
public static class BatchPhases
{
    public const int MarketData = 1;
    public const int SymbolAnalytics = 2;
    public const int Pnl = 3;
    public const int PortfolioRisk = 4;
    public const int Verify = 5;

    /// <summary>Every phase of a run, in order.</summary>
    public static IReadOnlyList<int> All { get; } = [MarketData, SymbolAnalytics, Pnl, PortfolioRisk, Verify];

    public static string Name(int phase) => phase switch
    {
        MarketData => "market data",
        SymbolAnalytics => "symbol analytics",
        Pnl => "P&L and snapshot",
        PortfolioRisk => "portfolio risk",
        Verify => "verify",
        _ => $"phase {phase}",
    };
}
