namespace SigmaSight.Service.Batches;

/// <summary>Points at one ledger item: (run, phase, key).</summary>
public readonly record struct LedgerItemRef(Guid RunId, int Phase, string ItemKey)
{
    public static LedgerItemRef Pnl(Guid runId, Guid portfolioId, DateOnly date) =>
        new(runId, BatchPhases.Pnl, PnlKey(portfolioId, date));

    public static LedgerItemRef MarketData(Guid runId, int chunk) =>
        new(runId, BatchPhases.MarketData, ChunkKey(chunk));

    public static LedgerItemRef SymbolAnalytics(Guid runId, int chunk) =>
        new(runId, BatchPhases.SymbolAnalytics, ChunkKey(chunk));

    public static LedgerItemRef Risk(Guid runId, Guid portfolioId, DateOnly date) =>
        new(runId, BatchPhases.PortfolioRisk, RiskKey(portfolioId, date));

    public static LedgerItemRef Verify(Guid runId) => new(runId, BatchPhases.Verify, VerifyKey);

    public const string VerifyKey = "verify";

    public static string PnlKey(Guid portfolioId, DateOnly date) => $"pnl:{portfolioId:N}:{date:yyyy-MM-dd}";

    public static string RiskKey(Guid portfolioId, DateOnly date) => $"risk:{portfolioId:N}:{date:yyyy-MM-dd}";

    public static string ChunkKey(int chunk) => $"chunk-{chunk:D4}";

    public override string ToString() => $"run {RunId} phase {Phase} item {ItemKey}";
}
