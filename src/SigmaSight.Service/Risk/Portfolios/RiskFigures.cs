using SigmaSight.Service.Pnl;

namespace SigmaSight.Service.Risk.Portfolios;

/// <summary>What phase 4 writes for one portfolio and day; filled family by family.</summary>
public sealed class RiskFigures
{
    public List<PortfolioFactorExposure> FactorExposures { get; } = [];
    public List<CorrelationResult> Correlations { get; } = [];
    public List<StressResult> Stress { get; } = [];
    public List<PortfolioSectorExposure> Sectors { get; } = [];
    public Dictionary<Guid, PositionRisk> Positions { get; } = [];
    public List<AnalyticResult> Families { get; } = [];

    /// <summary>Sets the snapshot's risk columns on the tracked snapshot.</summary>
    public List<Action<PortfolioSnapshot>> SnapshotColumns { get; } = [];
}
