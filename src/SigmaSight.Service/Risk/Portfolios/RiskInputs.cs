using SigmaSight.Analytics.Calendar;
using SigmaSight.Analytics.Risk.Holdings;
using SigmaSight.Analytics.Series;
using SigmaSight.Service.Pnl;
using SigmaSight.Service.Portfolios;

namespace SigmaSight.Service.Risk.Portfolios;

/// <summary>
/// Everything phase 4 reads for one portfolio and day (with the trading calendar as of the read), loaded with set-based queries.
/// <c>SnapshotReturns</c> are the stored daily returns of the portfolio's last
/// <see cref="Analytics.Volatility.SnapshotVolatility.SnapshotsUsed"/> snapshots on or before the day, oldest first (the
/// day's own last), null where a snapshot has none.
/// </summary>
public sealed record RiskInputs(
    Guid PortfolioId,
    string PortfolioName,
    DateOnly AsOf,
    PortfolioSnapshot Snapshot,
    IReadOnlyList<double?> SnapshotReturns,
    IReadOnlyList<HeldLot> Lots,
    IReadOnlyDictionary<string, DatedCloses> Closes,
    IReadOnlyList<SymbolFactorExposure> SymbolExposures,
    IReadOnlyDictionary<string, SymbolVolatility> SymbolVolatility,
    IReadOnlyDictionary<string, double> BenchmarkWeights,
    IReadOnlyList<StressScenario> Scenarios,
    IReadOnlyList<FactorDefinition> Factors,
    NyseCalendar Calendar)
{
    /// <summary>
    /// Whether any of the day's phase-4 rows of the portfolio were stored already (a retry, a re-run, a recompute): only then
    /// does the writer delete before it inserts.
    /// </summary>
    public bool HasStoredRows { get; init; } = true;
}

/// <summary>One lot open at the close of the day, with its stored value and the holding the kernels see.</summary>
public sealed record HeldLot(Position Position, PositionValue Value, RiskHolding Holding);
