namespace SigmaSight.Service.Batches;

/// <summary>The phase numbers of DESIGN §4; phases 2 and 4 join the graph with the analytics.</summary>
public static class BatchPhases
{
    public const int MarketData = 1;
    public const int Pnl = 3;
    public const int Verify = 5;

    public static string Name(int phase) => phase switch
    {
        MarketData => "market data",
        Pnl => "P&L and snapshot",
        Verify => "verify",
        _ => $"phase {phase}",
    };
}
